package dev.agentconsole.agent.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes a key out of whatever a server sends back, after decoding: a server may echo it as JSON
 * with escapes (a slash as backslash-slash, a letter as backslash-u and four hex digits), which a search
 * in the raw bytes misses, or
 * URL-encoded, or inside base64. Every answer is redacted once it is decoded (JSON trees by
 * {@link WireJson}, error bodies by {@link ErrorDecoder}, the event stream), before any of it can
 * reach a terminal, the transcript, the store or a log.
 */
public final class Redaction {

    public static final Redaction NONE = new Redaction(List.of());

    /** The shortest base64 run that still stands for the key alone (shorter keys only match whole). */
    private static final int MIN_BASE64_RUN = 8;

    private final List<String> forms;

    private Redaction(List<String> forms) {
        this.forms = forms;
    }

    /** Every way {@code secret} can appear in decoded text: as it is, URL-encoded, and in base64 at any alignment. */
    public static Redaction of(String secret) {
        if (secret == null || secret.isBlank()) {
            return NONE;
        }
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
            for (int shift = 0; shift < 3; shift++) {
                // the key after `shift` unknown bytes: the characters that depend on the key alone
                byte[] shifted = new byte[shift + bytes.length];
                System.arraycopy(bytes, 0, shifted, shift, bytes.length);
                String encoded = encoder.withoutPadding().encodeToString(shifted);
                int from = shift == 0 ? 0 : 4;
                int to = encoded.length() - 4; // the last group may mix in what follows the key
                if (to - from >= MIN_BASE64_RUN) {
                    forms.add(encoded.substring(from, to));
                }
            }
        }
        List<String> longestFirst = new ArrayList<>(forms);
        longestFirst.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return new Redaction(List.copyOf(longestFirst));
    }

    /** {@code text} without the key in any of its forms; escaped echoes are unescaped first. */
    public String apply(String text) {
        if (text == null || forms.isEmpty()) {
            return text;
        }
        String out = replaceForms(text);
        if (out.indexOf('\\') >= 0 || out.indexOf('%') >= 0) {
            // text that is not JSON but holds JSON-style escapes or percent-encoding: look at it decoded
            String decoded = percentDecoded(jsonUnescaped(out));
            if (!decoded.equals(out) && !replaceForms(decoded).equals(decoded)) {
                return replaceForms(decoded);
            }
        }
        return out;
    }

    public boolean isNone() {
        return forms.isEmpty();
    }

    /** Redacts every string and field name in {@code node}, in place; returns it. */
    public JsonNode apply(JsonNode node) {
        if (forms.isEmpty() || node == null) {
            return node;
        }
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> renamed = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                if (value.isTextual()) {
                    String clean = apply(value.asText());
                    if (!clean.equals(value.asText())) {
                        field.setValue(TextNode.valueOf(clean));
                    }
                } else {
                    apply(value);
                }
                String name = apply(field.getKey());
                if (!name.equals(field.getKey())) {
                    renamed.add(Map.entry(field.getKey(), object.get(field.getKey())));
                }
            }
            for (Map.Entry<String, JsonNode> r : renamed) {
                object.remove(r.getKey());
                object.set(apply(r.getKey()), r.getValue());
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isTextual()) {
                    String clean = apply(value.asText());
                    if (!clean.equals(value.asText())) {
                        array.set(i, TextNode.valueOf(clean));
                    }
                } else {
                    apply(value);
                }
            }
        }
        return node;
    }

    private String replaceForms(String text) {
        String out = text;
        for (String form : forms) {
            if (out.contains(form)) {
                out = out.replace(form, ApiToken.REDACTED);
            }
        }
        return out;
    }

    /** JSON's escapes (backslash-u and four hex digits, backslash-slash, ...) decoded; anything else left as it is. */
    static String jsonUnescaped(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char next = s.charAt(i + 1);
            switch (next) {
                case '/', '\\', '"' -> {
                    out.append(next);
                    i++;
                }
                case 'u' -> {
                    if (isHex(s, i + 2, i + 6)) {
                        out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                        i += 5;
                    } else {
                        out.append(c);
                    }
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(String s, int from, int to) {
        if (to > s.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Every well-formed {@code %XX} decoded (UTF-8); a stray {@code %} elsewhere is kept as it is. */
    static String percentDecoded(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(s.length());
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length && Character.digit(raw[i + 1], 16) >= 0 && Character.digit(raw[i + 2], 16) >= 0) {
                bytes.write(Character.digit(raw[i + 1], 16) * 16 + Character.digit(raw[i + 2], 16));
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
