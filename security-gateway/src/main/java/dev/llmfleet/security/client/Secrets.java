package dev.llmfleet.security.client;

import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets and keys: 32 bytes from a {@link SecureRandom}, URL-safe Base64 without padding. */
public final class Secrets {

    private static final SecureRandom random = new SecureRandom();

    private Secrets() {}

    public static String generate() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
