package dev.llmfleet.model.chat;

/** A conversation the model's chat template cannot render: no template, or the template itself refused it. */
public final class ChatTemplateException extends RuntimeException {

    private ChatTemplateException(String message, Throwable cause) {
        super(message, cause);
    }

    public static ChatTemplateException noTemplate() {
        return new ChatTemplateException(
                "this model has no chat template (tokenizer_config.json names none): send plain text instead", null);
    }

    public static ChatTemplateException refused(String reason, Throwable cause) {
        return new ChatTemplateException("the model's chat template refused the conversation: " + reason, cause);
    }

    public static ChatTemplateException unstable(int turn) {
        return new ChatTemplateException(
                "the chat template renders the conversation before assistant turn " + turn
                        + " differently once later turns follow, so that turn's tokens cannot be told apart",
                null);
    }
}
