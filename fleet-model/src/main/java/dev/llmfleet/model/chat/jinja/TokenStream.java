package dev.llmfleet.model.chat.jinja;

import dev.llmfleet.model.chat.jinja.Token.Kind;
import java.util.List;

/** Cursor over tokens with the nesting guard that keeps hostile templates from exhausting the stack. */
final class TokenStream {

    static final int MAX_NESTING = 200;

    private final List<Token> tokens;
    private int pos;
    private int depth;

    TokenStream(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token current() {
        return tokens.get(pos);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(pos);
        if (pos < tokens.size() - 1) {
            pos++;
        }
        return t;
    }

    boolean skipOp(String op) {
        if (current().isOp(op)) {
            next();
            return true;
        }
        return false;
    }

    boolean skipName(String name) {
        if (current().isName(name)) {
            next();
            return true;
        }
        return false;
    }

    Token expect(Kind kind) {
        if (current().kind() != kind) {
            throw fail("expected " + describe(kind) + ", got " + describe(current()));
        }
        return next();
    }

    void expectOp(String op) {
        if (!current().isOp(op)) {
            throw fail("expected '" + op + "', got " + describe(current()));
        }
        next();
    }

    String expectName() {
        return expect(Kind.NAME).text();
    }

    JinjaException fail(String message) {
        return new JinjaException(message, current().line());
    }

    void enter() {
        if (++depth > MAX_NESTING) {
            throw fail("template nesting is deeper than " + MAX_NESTING + " levels");
        }
    }

    void exit() {
        depth--;
    }

    static String describe(Token t) {
        return switch (t.kind()) {
            case EOF -> "end of template";
            case TEXT -> "template data";
            case VAR_END -> "end of print statement";
            case BLOCK_END -> "end of statement block";
            case VAR_BEGIN, BLOCK_BEGIN -> "begin of tag";
            default -> "'" + t.text() + "'";
        };
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case NAME -> "a name";
            case VAR_END -> "end of print statement";
            case BLOCK_END -> "end of statement block";
            default -> kind.name().toLowerCase();
        };
    }
}
