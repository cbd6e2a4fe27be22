package dev.llmfleet.model.chat.jinja;

/** One lexical unit; {@code value} holds the decoded literal for strings and numbers. */
record Token(Kind kind, String text, Object value, int line) {

    enum Kind {
        TEXT,
        VAR_BEGIN,
        VAR_END,
        BLOCK_BEGIN,
        BLOCK_END,
        NAME,
        STRING,
        INTEGER,
        FLOAT,
        OPERATOR,
        EOF
    }

    boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    boolean isName(String name) {
        return is(Kind.NAME, name);
    }

    boolean isOp(String op) {
        return is(Kind.OPERATOR, op);
    }
}
