package dev.agentconsole.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A corpus row's command line as arguments: shell-like words, placeholders filled, {@code \xNN} as raw bytes. */
final class CorpusCommand {

    private CorpusCommand() {}

    /** The words of {@code command}, each as bytes, with {@code {H}}/{@code {AGI}} expanded and {@code values} filled in. */
    static List<byte[]> arguments(String command, Map<String, String> values) {
        List<byte[]> args = new ArrayList<>();
        for (String word : words(command)) {
            switch (word) {
                case "{H}" -> List.of("--provider", "hcompany", "--base-url", values.get("url"), "--session", values.get("hid"))
                        .forEach(a -> args.add(a.getBytes(StandardCharsets.UTF_8)));
                case "{AGI}" -> List.of("--provider", "agi", "--base-url", values.get("url"), "--session", values.get("agiid"))
                        .forEach(a -> args.add(a.getBytes(StandardCharsets.UTF_8)));
                default -> args.add(bytes(fill(word, values)));
            }
        }
        return args;
    }

    /** Placeholders: {@code {name}} from {@code values}, {@code {x*N}} as N times x. */
    static String fill(String text, Map<String, String> values) {
        String filled = text;
        for (Map.Entry<String, String> v : values.entrySet()) {
            filled = filled.replace("{" + v.getKey() + "}", v.getValue());
        }
        java.util.regex.Matcher repeat = java.util.regex.Pattern.compile("\\{x\\*(\\d+)}").matcher(filled);
        return repeat.replaceAll(m -> "x".repeat(Integer.parseInt(m.group(1))));
    }

    /** Text with {@code \xNN} escapes (and {@code \n}) as the bytes it stands for; the rest as UTF-8. */
    static byte[] bytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            if (text.startsWith("\\x", i) && i + 4 <= text.length()) {
                out.write(Integer.parseInt(text.substring(i + 2, i + 4), 16));
                i += 3;
            } else if (text.startsWith("\\n", i)) {
                out.write('\n');
                i += 1;
            } else if (text.startsWith("\\r", i)) {
                out.write('\r');
                i += 1;
            } else {
                int cp = text.codePointAt(i);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp) - 1;
            }
        }
        return out.toByteArray();
    }

    /** Words split on spaces; single or double quotes keep what they hold as one word (and may make an empty one). */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : command.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == ' ') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
