package dev.llmfleet.trainer.validation;

/** One message of an example as it was written; the role is checked, not trusted. */
record Turn(String role, String content) {

    static final String SYSTEM = "system";
    static final String USER = "user";
    static final String ASSISTANT = "assistant";

    boolean isAssistant() {
        return ASSISTANT.equals(role);
    }
}
