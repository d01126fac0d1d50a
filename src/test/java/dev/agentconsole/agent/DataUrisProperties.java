package dev.agentconsole.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** The data-URI encoder: what goes in comes out, and the size is known before encoding. */
class DataUrisProperties {

    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    @Property
    void decodingAnEncodedImageGivesTheSameBytes(@ForAll @Size(max = 4096) byte[] payload) {
        String uri = DataUris.encode(payload, "image/png");
        DataUris.Decoded d = DataUris.decode(uri);
        assertEquals("image/png", d.mimeType());
        assertArrayEquals(payload, d.bytes());
    }

    @Property
    void theEncodedLengthIsKnownWithoutEncoding(@ForAll @Size(max = 4096) byte[] payload) {
        assertEquals(DataUris.encode(payload, "image/jpeg").length(), DataUris.encodedLength(payload.length, "image/jpeg"));
    }

    @Property
    void aNonEmptyEncodingIsAcceptedByTheChecker(@ForAll @Size(min = 1, max = 512) byte[] payload) {
        assertEquals(Optional.empty(), DataUris.problemWith(DataUris.encode(payload, "image/webp")));
    }

    @Property
    void pngBytesAreSniffedAsPngWhateverFollows(@ForAll @Size(max = 256) byte[] rest) {
        byte[] bytes = new byte[PNG_SIGNATURE.length + rest.length];
        System.arraycopy(PNG_SIGNATURE, 0, bytes, 0, PNG_SIGNATURE.length);
        System.arraycopy(rest, 0, bytes, PNG_SIGNATURE.length, rest.length);
        assertTrue(DataUris.encodeImage(bytes).startsWith("data:image/png;base64,"));
    }

    @Example
    void textIsNoImage() {
        assertThrows(InvalidInputException.class, () -> DataUris.encodeImage("hello, I am text".getBytes()));
    }

    @Example
    void brokenDataUrisAreExplained() {
        assertTrue(DataUris.problemWith("http://x/a.png").orElseThrow().contains("not a data URI"));
        assertTrue(DataUris.problemWith("data:text/plain;base64,AAAA").orElseThrow().contains("not a base64 image"));
        assertTrue(DataUris.problemWith("data:image/png;base64,").orElseThrow().contains("empty"));
        assertTrue(DataUris.problemWith("data:image/png;base64,@@@@").orElseThrow().contains("corrupt"));
    }
}
