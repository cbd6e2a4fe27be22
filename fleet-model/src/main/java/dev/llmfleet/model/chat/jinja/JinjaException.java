package dev.llmfleet.model.chat.jinja;

/**
 * A template that cannot be compiled or rendered. Syntax and runtime errors name the template line;
 * a template's own {@code raise_exception('...')} carries exactly the template's message, because
 * callers show it to users as the model author wrote it.
 */
public final class JinjaException extends RuntimeException {

    private final String detail;
    private final int line;
    private final boolean raisedByTemplate;

    private JinjaException(String detail, int line, boolean raisedByTemplate) {
        super(line > 0 ? detail + " (line " + line + ")" : detail);
        this.detail = detail;
        this.line = line;
        this.raisedByTemplate = raisedByTemplate;
    }

    JinjaException(String detail) {
        this(detail, 0, false);
    }

    JinjaException(String detail, int line) {
        this(detail, line, false);
    }

    static JinjaException raisedByTemplate(String message) {
        return new JinjaException(message, 0, true);
    }

    /** The template line the error belongs to, or 0 where none applies. */
    public int line() {
        return line;
    }

    /** True for the template's own {@code raise_exception}, whose message is the template's text. */
    public boolean raisedByTemplate() {
        return raisedByTemplate;
    }

    /** The same error placed at a line, unless it already has one. */
    JinjaException at(int templateLine) {
        if (line > 0 || templateLine <= 0 || raisedByTemplate) {
            return this;
        }
        JinjaException placed = new JinjaException(detail, templateLine, false);
        placed.setStackTrace(getStackTrace());
        return placed;
    }
}
