package dev.llmfleet.api.error;

import java.net.URI;

/** The {@code type} URIs of the fleet's problem details. */
public final class ProblemCodes {

    /** Prefix of every problem type; the code is appended. */
    public static final String TYPE_PREFIX = "https://llmfleet.dev/problems/";

    private ProblemCodes() {}

    public static URI type(String code) {
        return URI.create(TYPE_PREFIX + code);
    }
}
