package dev.agentconsole.app.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SecretTransportTest {

    @Test
    void hkdfMatchesRfc5869TestCase3() throws Exception {
        // SHA-256, 22 bytes of 0x0b, no salt, no info: OKM starts 8da4e775a563c18f715f802a063c5a31
        byte[] okm = SecretTransport.hkdfSha256(HexFormat.of().parseHex("0b".repeat(22)), 16);
        assertEquals("8da4e775a563c18f715f802a063c5a31", HexFormat.of().formatHex(okm));
    }

    @Test
    void twoSidesAgreeOnTheKeyAndASecretCrossesEncrypted() throws Exception {
        for (int i = 0; i < 20; i++) {
            SecretTransport client = SecretTransport.start();
            SecretTransport service = SecretTransport.start();
            boolean agreed = client.agree(service.publicKey()) & service.agree(client.publicKey());
            if (!agreed) {
                continue; // a shared secret with a leading zero byte: the client opens another session
            }
            byte[][] sealed = client.encrypt("hk-transport-key");
            assertEquals(16, sealed[0].length, "the IV");
            assertTrue(sealed[1].length % 16 == 0 && sealed[1].length >= 16, "whole AES blocks");
            assertNotEquals(-1, Arrays.hashCode(sealed[1]));
            assertTrue(!new String(sealed[1], StandardCharsets.ISO_8859_1).contains("hk-transport"), "not in the clear");
            assertEquals("hk-transport-key", service.decrypt(sealed[0], sealed[1]));
            return;
        }
        throw new AssertionError("20 sessions in a row had a leading zero byte");
    }

    @Test
    void publicKeysAreUnsignedAndAtMostTheGroupsSize() throws Exception {
        for (int i = 0; i < 10; i++) {
            byte[] key = SecretTransport.start().publicKey();
            assertTrue(key.length <= 128 && key.length > 100, "length " + key.length);
        }
    }
}
