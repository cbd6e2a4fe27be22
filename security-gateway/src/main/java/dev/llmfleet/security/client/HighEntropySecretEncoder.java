package dev.llmfleet.security.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Salted SHA-256 for the gateway's own generated secrets (256 random bits each).
 *
 * <p>A slow password hash (bcrypt) protects guessable human passwords; against a 256-bit random
 * secret it adds nothing but ~80 ms of CPU to every token request. Stored as {@code salt$hash}
 * in hex; compared in constant time.
 */
final class HighEntropySecretEncoder implements PasswordEncoder {

    static final String ID = "sha256";
    private static final SecureRandom random = new SecureRandom();
    private static final HexFormat hex = HexFormat.of();

    @Override
    public String encode(CharSequence rawPassword) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return hex.formatHex(salt) + "$" + hex.formatHex(digest(salt, rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        int dollar = encodedPassword.indexOf('$');
        if (dollar <= 0) {
            return false;
        }
        try {
            byte[] salt = hex.parseHex(encodedPassword, 0, dollar);
            byte[] expected = hex.parseHex(encodedPassword, dollar + 1, encodedPassword.length());
            return MessageDigest.isEqual(expected, digest(salt, rawPassword));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] digest(byte[] salt, CharSequence raw) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(raw.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
