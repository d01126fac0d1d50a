package dev.agentconsole.app.keys;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The forms a key could be found in, as the key sweep ({@code app/KeySweepTest}) searches for
 * them: whole, its random part, URL-encoded, and in base64 at every alignment; here also in hex,
 * as a byte dump would show it.
 */
public final class KeyForms {

    private KeyForms() {
    }

    /** A distinctive key: {@code prefix} and 32 random hex digits. */
    public static String freshKey(String prefix) {
        return prefix + HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(16));
    }

    public static List<String> of(String key, String prefix) {
        List<String> forms = new ArrayList<>(List.of(key, URLEncoder.encode(key, StandardCharsets.UTF_8),
                HexFormat.of().formatHex(key.getBytes(StandardCharsets.UTF_8))));
        if (key.startsWith(prefix) && key.length() - prefix.length() >= 8) {
            forms.add(key.substring(prefix.length()));
        }
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
            for (int shift = 0; shift < 3; shift++) {
                byte[] shifted = new byte[shift + bytes.length];
                System.arraycopy(bytes, 0, shifted, shift, bytes.length);
                String b64 = encoder.withoutPadding().encodeToString(shifted);
                forms.add(b64.substring(shift == 0 ? 0 : 4, b64.length() - 4));
            }
        }
        return forms;
    }

    /** Each place (its name and text) that holds the key in any form, as "place holds form". */
    public static List<String> hits(String key, String prefix, Map<String, String> texts) {
        List<String> hits = new ArrayList<>();
        for (Map.Entry<String, String> text : texts.entrySet()) {
            for (String form : of(key, prefix)) {
                if (text.getValue().contains(form)) {
                    hits.add(text.getKey() + " holds " + form);
                }
            }
        }
        return hits;
    }
}
