package dev.agentconsole.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Lines read as bytes and decoded strictly, so a broken line is refused whole rather than sent with U+FFFD in it. */
final class Utf8Lines {

    private final InputStream in;

    Utf8Lines(InputStream in) {
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in);
    }

    /**
     * The next line without its line end, or null at the end of the input.
     *
     * @throws dev.agentconsole.agent.InvalidInputException when the line is not UTF-8 (the next call reads on)
     */
    String next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return StrictUtf8.decode(java.util.Arrays.copyOf(bytes, length), "the line");
    }
}
