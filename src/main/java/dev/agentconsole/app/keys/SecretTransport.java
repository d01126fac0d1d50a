package dev.agentconsole.app.keys;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.interfaces.DHPublicKey;
import javax.crypto.spec.DHParameterSpec;
import javax.crypto.spec.DHPublicKeySpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Secret Service's transport encryption {@value #ALGORITHM} (spec 0.2, chapter 7): the two
 * sides agree on a key by Diffie-Hellman in the 1024-bit MODP group of RFC 2409 (the "second
 * Oakley group"), derive an AES-128 key from it with HKDF-SHA256 (no salt, no info), and every
 * secret travels as AES-CBC with PKCS#7 padding under a fresh IV. So a key never crosses the bus
 * in the clear, even to a process that listens on it.
 */
final class SecretTransport {

    static final String ALGORITHM = "dh-ietf1024-sha256-aes128-cbc-pkcs7";
    static final String CONTENT_TYPE = "text/plain; charset=utf8";

    private static final BigInteger PRIME = new BigInteger(
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
                    + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
                    + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF", 16);
    private static final BigInteger GENERATOR = BigInteger.TWO;
    private static final int PRIME_BYTES = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair pair;
    private SecretKeySpec aes;

    private SecretTransport(KeyPair pair) {
        this.pair = pair;
    }

    /** A fresh key pair; {@link #publicKey()} goes to {@code OpenSession}, its answer to {@link #agree}. */
    static SecretTransport start() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("DH");
        generator.initialize(new DHParameterSpec(PRIME, GENERATOR), RANDOM);
        return new SecretTransport(generator.generateKeyPair());
    }

    /** Our public value, unsigned, most significant byte first, as the spec writes integers. */
    byte[] publicKey() {
        return unsigned(((DHPublicKey) pair.getPublic()).getY());
    }

    /**
     * Derives the session key from the service's public value.
     *
     * @return false when the shared secret starts with a zero byte: implementations differ on
     *         whether such a byte is kept before HKDF, so the caller opens another session instead
     */
    boolean agree(byte[] servicePublicKey) throws GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance("DH");
        DHPublicKeySpec spec = new DHPublicKeySpec(new BigInteger(1, servicePublicKey), PRIME, GENERATOR);
        KeyAgreement agreement = KeyAgreement.getInstance("DH");
        agreement.init(pair.getPrivate());
        agreement.doPhase(factory.generatePublic(spec), true);
        byte[] shared = agreement.generateSecret();
        try {
            if (shared.length != PRIME_BYTES || shared[0] == 0) {
                return false;
            }
            aes = new SecretKeySpec(hkdfSha256(shared, 16), "AES");
            return true;
        } finally {
            Arrays.fill(shared, (byte) 0);
        }
    }

    /** @return the IV and the encrypted UTF-8 bytes of {@code text} */
    byte[][] encrypt(String text) throws GeneralSecurityException {
        byte[] iv = new byte[16];
        RANDOM.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding"); // PKCS#5 in the JDK's name is PKCS#7 for AES
        cipher.init(Cipher.ENCRYPT_MODE, aes, new IvParameterSpec(iv));
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        try {
            return new byte[][] {iv, cipher.doFinal(plain)};
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    String decrypt(byte[] iv, byte[] value) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, aes, new IvParameterSpec(iv));
        byte[] plain = cipher.doFinal(value);
        try {
            return new String(plain, StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** HKDF (RFC 5869) with SHA-256, no salt (32 zero bytes) and no info, for at most 32 bytes. */
    static byte[] hkdfSha256(byte[] inputKey, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        byte[] pseudoRandomKey = mac.doFinal(inputKey);
        mac.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
        byte[] block = mac.doFinal(new byte[] {1});
        Arrays.fill(pseudoRandomKey, (byte) 0);
        byte[] out = Arrays.copyOf(block, length);
        Arrays.fill(block, (byte) 0);
        return out;
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
