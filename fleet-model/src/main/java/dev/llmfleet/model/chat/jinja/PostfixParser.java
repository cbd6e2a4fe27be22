package dev.llmfleet.model.chat.jinja;

import dev.llmfleet.model.chat.jinja.Expr.Arguments;
import dev.llmfleet.model.chat.jinja.Expr.Keyword;
import dev.llmfleet.model.chat.jinja.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** What may follow an operand: attribute and item access, slices, calls, filters and {@code is} tests. */
final class PostfixParser {

    private final TokenStream in;
    private final ExprParser expr;

    PostfixParser(TokenStream in, ExprParser expr) {
        this.in = in;
        this.expr = expr;
    }

    Expr postfix(Expr node) {
        while (true) {
            Token t = in.current();
            if (t.isOp(".") || t.isOp("[")) {
                node = subscript(node);
            } else if (t.isOp("(")) {
                node = new Expr.Call(node, callArguments(), t.line());
            } else {
                return node;
            }
        }
    }

    Expr filterExpr(Expr node) {
        while (true) {
            Token t = in.current();
            if (t.isOp("|")) {
                node = filters(node, false);
            } else if (t.isName("is")) {
                node = test(node);
            } else if (t.isOp("(")) {
                node = new Expr.Call(node, callArguments(), t.line());
            } else {
                return node;
            }
        }
    }

    private Expr subscript(Expr node) {
        Token t = in.next();
        if (t.isOp(".")) {
            Token attr = in.current();
            if (attr.kind() == Kind.NAME) {
                in.next();
                return new Expr.GetAttr(node, attr.text(), t.line());
            }
            if (attr.kind() == Kind.INTEGER) {
                in.next();
                return new Expr.GetItem(node, new Expr.Const(attr.value(), attr.line()), t.line());
            }
            throw in.fail("expected name or number");
        }
        List<Expr> args = new ArrayList<>();
        while (!in.current().isOp("]")) {
            if (!args.isEmpty()) {
                in.expectOp(",");
            }
            args.add(subscribed());
        }
        in.expectOp("]");
        Expr key = args.size() == 1 ? args.get(0) : new Expr.TupleLit(List.copyOf(args), t.line());
        return new Expr.GetItem(node, key, t.line());
    }

    private Expr subscribed() {
        int line = in.current().line();
        Expr start = null;
        if (!in.skipOp(":")) {
            Expr node = expr.expression();
            if (!in.skipOp(":")) {
                return node;
            }
            start = node;
        }
        Expr stop = null;
        if (!in.current().isOp(":") && !in.current().isOp("]") && !in.current().isOp(",")) {
            stop = expr.expression();
        }
        Expr step = null;
        if (in.skipOp(":") && !in.current().isOp("]") && !in.current().isOp(",")) {
            step = expr.expression();
        }
        return new Expr.Slice(start, stop, step, line);
    }

    Arguments callArguments() {
        in.expectOp("(");
        List<Expr> positional = new ArrayList<>();
        List<Keyword> keywords = new ArrayList<>();
        Expr spread = null;
        Expr spreadKeywords = null;
        boolean first = true;
        while (!in.current().isOp(")")) {
            if (!first) {
                in.expectOp(",");
                if (in.current().isOp(")")) {
                    break;
                }
            }
            first = false;
            if (in.skipOp("*")) {
                check(spread == null && spreadKeywords == null);
                spread = expr.expression();
            } else if (in.skipOp("**")) {
                check(spreadKeywords == null);
                spreadKeywords = expr.expression();
            } else if (in.current().kind() == Kind.NAME && in.peek(1).isOp("=")) {
                check(spread == null && spreadKeywords == null);
                String name = in.next().text();
                in.next();
                keywords.add(new Keyword(name, expr.expression()));
            } else {
                check(spread == null && spreadKeywords == null && keywords.isEmpty());
                positional.add(expr.expression());
            }
        }
        in.expectOp(")");
        return new Arguments(List.copyOf(positional), List.copyOf(keywords), spread, spreadKeywords);
    }

    private void check(boolean valid) {
        if (!valid) {
            throw in.fail("invalid syntax for function call expression");
        }
    }

    Expr filters(Expr node, boolean startInline) {
        while (in.current().isOp("|") || startInline) {
            if (!startInline) {
                in.next();
            }
            startInline = false;
            int line = in.current().line();
            String name = dottedName();
            Arguments args = in.current().isOp("(") ? callArguments() : Arguments.NONE;
            node = new Expr.Filter(node, name, args, line);
        }
        return node;
    }

    private Expr test(Expr node) {
        int line = in.next().line();
        boolean negated = in.skipName("not");
        String name = dottedName();
        Arguments args = Arguments.NONE;
        Token t = in.current();
        if (t.isOp("(")) {
            args = callArguments();
        } else if (startsTestArgument(t)) {
            if (t.isName("is")) {
                throw in.fail("You cannot chain multiple tests with is");
            }
            args = new Arguments(List.of(postfix(expr.primary())), List.of());
        }
        return new Expr.Test(node, name, args, negated, line);
    }

    private static boolean startsTestArgument(Token t) {
        return switch (t.kind()) {
            case NAME ->
                !t.text().equals("else") && !t.text().equals("or") && !t.text().equals("and");
            case STRING, INTEGER, FLOAT -> true;
            case OPERATOR -> t.isOp("(") || t.isOp("[") || t.isOp("{");
            default -> false;
        };
    }

    private String dottedName() {
        StringBuilder name = new StringBuilder(in.expectName());
        while (in.current().isOp(".")) {
            in.next();
            name.append('.').append(in.expectName());
        }
        return name.toString();
    }
}
