package dev.llmfleet.security.trust;

/** Why a trust score changed. */
public enum TrustReason {
    FAILED_AUTHENTICATION,
    SCOPE_REFUSED,
    RATE_LIMITED,
    ERROR_REPORTED,
    CLEAN_ACTIVITY,
    ADMIN_RESET
}
