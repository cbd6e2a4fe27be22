package dev.llmfleet.model.chat.jinja;

/**
 * jinja2's default {@code Undefined}: prints as empty, is falsy and iterates as empty, but any
 * attribute, arithmetic or call on it fails with the message jinja2 would give.
 */
final class Undefined {

    private final String message;

    private Undefined(String message) {
        this.message = message;
    }

    static Undefined name(String name) {
        return new Undefined("'" + name + "' is undefined");
    }

    static Undefined attribute(Object owner, Object attribute) {
        return new Undefined("'" + Py.typeName(owner) + " object' has no attribute '" + attribute + "'");
    }

    static Undefined because(String message) {
        return new Undefined(message);
    }

    JinjaException error() {
        return new JinjaException(message);
    }

    @Override
    public String toString() {
        return "";
    }
}
