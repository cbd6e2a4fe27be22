package dev.llmfleet.model.chat.jinja;

/** A size-capped text buffer; captures (macros, set blocks) get their own. */
final class Output {

    private final StringBuilder text = new StringBuilder();

    void append(String s) {
        Limits.checkSize((long) text.length() + s.length());
        text.append(s);
    }

    int length() {
        return text.length();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
