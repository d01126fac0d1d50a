package dev.agentconsole.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the CLI in-process with its own environment, captured output and given input. */
record CliRun(int code, String out, String err) {

    static CliRun of(Map<String, String> env, String... args) {
        return withInput(env, "", args);
    }

    static CliRun withInput(Map<String, String> env, String input, String... args) {
        return withBytes(env, input.getBytes(java.nio.charset.StandardCharsets.UTF_8), args);
    }

    /** With these bytes on standard input, exactly. */
    static CliRun withBytes(Map<String, String> env, byte[] input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new CliContext(env, new PrintWriter(out, true), new PrintWriter(err, true),
                new java.io.ByteArrayInputStream(input)));
        return new CliRun(code, out.toString(), err.toString());
    }
}
