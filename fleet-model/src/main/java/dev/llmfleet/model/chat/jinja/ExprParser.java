package dev.llmfleet.model.chat.jinja;

import dev.llmfleet.model.chat.jinja.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Expression grammar with jinja2's precedence, including its quirks (left-associative {@code **}). */
final class ExprParser {

    private static final Set<String> COMPARE_OPS = Set.of("==", "!=", "<", "<=", ">", ">=");
    private static final Set<String> MATH2_OPS = Set.of("*", "/", "//", "%");

    private final TokenStream in;
    private final PostfixParser postfix;

    ExprParser(TokenStream in) {
        this.in = in;
        this.postfix = new PostfixParser(in, this);
    }

    Expr expression() {
        return conditional();
    }

    Expr expression(boolean withConditional) {
        return withConditional ? conditional() : or();
    }

    /** A bare comma list becomes a tuple, as in {@code {% set a = 1, 2 %}}. */
    Expr tuple(boolean simplified, boolean withConditional, Set<String> extraEnd, boolean explicitParens) {
        int line = in.current().line();
        List<Expr> items = new ArrayList<>();
        boolean isTuple = false;
        while (true) {
            if (!items.isEmpty()) {
                in.expectOp(",");
            }
            if (isTupleEnd(extraEnd)) {
                break;
            }
            items.add(simplified ? primary() : expression(withConditional));
            if (in.current().isOp(",")) {
                isTuple = true;
            } else {
                break;
            }
        }
        if (!isTuple) {
            if (!items.isEmpty()) {
                return items.get(0);
            }
            if (!explicitParens) {
                throw in.fail("Expected an expression, got " + TokenStream.describe(in.current()));
            }
        }
        return new Expr.TupleLit(List.copyOf(items), line);
    }

    private boolean isTupleEnd(Set<String> extraEnd) {
        Token t = in.current();
        return t.kind() == Kind.VAR_END
                || t.kind() == Kind.BLOCK_END
                || t.isOp(")")
                || (t.kind() == Kind.NAME && extraEnd.contains(t.text()));
    }

    private Expr conditional() {
        Expr expr = or();
        while (in.current().isName("if")) {
            int line = in.next().line();
            Expr test = or();
            Expr otherwise = in.skipName("else") ? conditional() : null;
            expr = new Expr.Conditional(test, expr, otherwise, line);
        }
        return expr;
    }

    private Expr or() {
        Expr left = and();
        while (in.current().isName("or")) {
            int line = in.next().line();
            left = new Expr.Binary("or", left, and(), line);
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (in.current().isName("and")) {
            int line = in.next().line();
            left = new Expr.Binary("and", left, not(), line);
        }
        return left;
    }

    private Expr not() {
        if (in.current().isName("not")) {
            int line = in.next().line();
            in.enter();
            Expr operand = not();
            in.exit();
            return new Expr.Unary("not", operand, line);
        }
        return compare();
    }

    private Expr compare() {
        int line = in.current().line();
        Expr first = math1();
        List<String> ops = new ArrayList<>();
        List<Expr> rest = new ArrayList<>();
        while (true) {
            Token t = in.current();
            if (t.kind() == Kind.OPERATOR && COMPARE_OPS.contains(t.text())) {
                ops.add(in.next().text());
            } else if (t.isName("in")) {
                in.next();
                ops.add("in");
            } else if (t.isName("not") && in.peek(1).isName("in")) {
                in.next();
                in.next();
                ops.add("not in");
            } else {
                break;
            }
            rest.add(math1());
        }
        return ops.isEmpty() ? first : new Expr.Compare(first, List.copyOf(ops), List.copyOf(rest), line);
    }

    private Expr math1() {
        Expr left = concat();
        while (in.current().isOp("+") || in.current().isOp("-")) {
            Token op = in.next();
            left = new Expr.Binary(op.text(), left, concat(), op.line());
        }
        return left;
    }

    private Expr concat() {
        Expr left = math2();
        while (in.current().isOp("~")) {
            int line = in.next().line();
            left = new Expr.Binary("~", left, math2(), line);
        }
        return left;
    }

    private Expr math2() {
        Expr left = pow();
        while (in.current().kind() == Kind.OPERATOR
                && MATH2_OPS.contains(in.current().text())) {
            Token op = in.next();
            left = new Expr.Binary(op.text(), left, pow(), op.line());
        }
        return left;
    }

    private Expr pow() {
        Expr left = unary(true);
        while (in.current().isOp("**")) {
            int line = in.next().line();
            left = new Expr.Binary("**", left, unary(true), line);
        }
        return left;
    }

    private Expr unary(boolean withFilter) {
        in.enter();
        Token t = in.current();
        Expr node;
        if (t.isOp("-") || t.isOp("+")) {
            in.next();
            node = new Expr.Unary(t.text(), unary(false), t.line());
        } else {
            node = primary();
        }
        node = postfix.postfix(node);
        if (withFilter) {
            node = postfix.filterExpr(node);
        }
        in.exit();
        return node;
    }

    Expr primary() {
        Token t = in.current();
        switch (t.kind()) {
            case NAME -> {
                in.next();
                return switch (t.text()) {
                    case "true", "True" -> new Expr.Const(Boolean.TRUE, t.line());
                    case "false", "False" -> new Expr.Const(Boolean.FALSE, t.line());
                    case "none", "None" -> new Expr.Const(null, t.line());
                    default -> new Expr.Name(t.text(), t.line());
                };
            }
            case STRING -> {
                StringBuilder s = new StringBuilder();
                while (in.current().kind() == Kind.STRING) {
                    s.append((String) in.next().value());
                }
                return new Expr.Const(s.toString(), t.line());
            }
            case INTEGER, FLOAT -> {
                in.next();
                return new Expr.Const(t.value(), t.line());
            }
            case OPERATOR -> {
                if (t.isOp("(")) {
                    in.next();
                    in.enter();
                    Expr inner = tuple(false, true, Set.of(), true);
                    in.exit();
                    in.expectOp(")");
                    return inner;
                }
                if (t.isOp("[")) {
                    return list();
                }
                if (t.isOp("{")) {
                    return dict();
                }
            }
            default -> {}
        }
        throw in.fail("unexpected " + TokenStream.describe(t));
    }

    private Expr list() {
        int line = in.next().line();
        List<Expr> items = new ArrayList<>();
        while (!in.current().isOp("]")) {
            if (!items.isEmpty()) {
                in.expectOp(",");
            }
            if (in.current().isOp("]")) {
                break;
            }
            items.add(expression());
        }
        in.expectOp("]");
        return new Expr.ListLit(List.copyOf(items), line);
    }

    private Expr dict() {
        int line = in.next().line();
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (!in.current().isOp("}")) {
            if (!keys.isEmpty()) {
                in.expectOp(",");
            }
            if (in.current().isOp("}")) {
                break;
            }
            keys.add(expression());
            in.expectOp(":");
            values.add(expression());
        }
        in.expectOp("}");
        return new Expr.DictLit(List.copyOf(keys), List.copyOf(values), line);
    }

    Expr.Arguments callArguments() {
        return postfix.callArguments();
    }

    /** One or more {@code |name(args)}; with {@code startInline} the first bar was already consumed. */
    Expr filters(Expr node, boolean startInline) {
        return postfix.filters(node, startInline);
    }
}
