package dev.llmfleet.model.chat.jinja;

import dev.llmfleet.model.chat.jinja.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Statement grammar: the tags chat templates use, nothing that needs a template loader. */
final class Parser {

    private final TokenStream in;
    private final ExprParser expr;

    private Parser(List<Token> tokens) {
        this.in = new TokenStream(tokens);
        this.expr = new ExprParser(in);
    }

    static List<Stmt> parse(String source) {
        Parser parser = new Parser(Lexer.tokenize(source));
        List<Stmt> body = parser.body(Set.of());
        if (parser.in.current().kind() != Kind.EOF) {
            throw parser.in.fail(
                    "Encountered unknown tag '" + parser.in.current().text() + "'.");
        }
        return body;
    }

    /** Statements until EOF or a block whose tag name is in {@code end}; leaves the stream on that name. */
    private List<Stmt> body(Set<String> end) {
        List<Stmt> out = new ArrayList<>();
        while (true) {
            Token t = in.current();
            switch (t.kind()) {
                case TEXT -> out.add(new Stmt.Text(in.next().text(), t.line()));
                case VAR_BEGIN -> {
                    in.next();
                    Expr value = expr.tuple(false, true, Set.of(), false);
                    in.expect(Kind.VAR_END);
                    out.add(new Stmt.Print(value, t.line()));
                }
                case BLOCK_BEGIN -> {
                    in.next();
                    Token name = in.current();
                    if (name.kind() == Kind.NAME && end.contains(name.text())) {
                        return out;
                    }
                    in.enter();
                    out.add(statement());
                    in.exit();
                }
                case EOF -> {
                    if (!end.isEmpty()) {
                        throw in.fail("Unexpected end of template. Jinja was looking for the following tags: "
                                + String.join(
                                        " or ",
                                        end.stream()
                                                .sorted()
                                                .map(s -> "'" + s + "'")
                                                .toList()) + ".");
                    }
                    return out;
                }
                default -> throw in.fail("unexpected " + TokenStream.describe(t));
            }
        }
    }

    private Stmt statement() {
        Token t = in.current();
        if (t.kind() != Kind.NAME) {
            throw in.fail("tag name expected");
        }
        in.next();
        int line = t.line();
        return switch (t.text()) {
            case "if" -> ifStatement(line);
            case "for" -> forStatement(line);
            case "set" -> setStatement(line);
            case "macro" -> macro(line);
            case "call" -> callBlock(line);
            case "filter" -> filterBlock(line);
            case "with" -> with(line);
            case "generation" -> {
                in.expect(Kind.BLOCK_END);
                yield new Stmt.Generation(closedBody("endgeneration"), line);
            }
            case "break" -> {
                in.expect(Kind.BLOCK_END);
                yield new Stmt.Break(line);
            }
            case "continue" -> {
                in.expect(Kind.BLOCK_END);
                yield new Stmt.Continue(line);
            }
            default -> throw new JinjaException("Encountered unknown tag '" + t.text() + "'.", line);
        };
    }

    /** The body up to {@code {% endName %}}, consuming that end tag. */
    private List<Stmt> closedBody(String endName) {
        List<Stmt> body = body(Set.of(endName));
        in.next();
        in.expect(Kind.BLOCK_END);
        return body;
    }

    private Stmt ifStatement(int line) {
        List<Expr> conditions = new ArrayList<>();
        List<List<Stmt>> bodies = new ArrayList<>();
        conditions.add(expr.tuple(false, false, Set.of(), false));
        in.expect(Kind.BLOCK_END);
        while (true) {
            bodies.add(body(Set.of("elif", "else", "endif")));
            String tag = in.next().text();
            if (tag.equals("elif")) {
                conditions.add(expr.tuple(false, false, Set.of(), false));
                in.expect(Kind.BLOCK_END);
            } else if (tag.equals("else")) {
                in.expect(Kind.BLOCK_END);
                return new Stmt.If(conditions, bodies, closedBody("endif"), line);
            } else {
                in.expect(Kind.BLOCK_END);
                return new Stmt.If(conditions, bodies, List.of(), line);
            }
        }
    }

    private Stmt forStatement(int line) {
        Expr target = assignTarget(Set.of("in"), false);
        if (!in.skipName("in")) {
            throw in.fail("expected 'in'");
        }
        Expr iterable = expr.tuple(false, false, Set.of("recursive"), false);
        Expr filter = in.skipName("if") ? expr.expression() : null;
        boolean recursive = in.skipName("recursive");
        in.expect(Kind.BLOCK_END);
        List<Stmt> body = body(Set.of("endfor", "else"));
        List<Stmt> otherwise = List.of();
        if (in.next().text().equals("else")) {
            in.expect(Kind.BLOCK_END);
            otherwise = body(Set.of("endfor"));
            in.next();
        }
        in.expect(Kind.BLOCK_END);
        return new Stmt.For(target, iterable, filter, body, otherwise, recursive, line);
    }

    private Stmt setStatement(int line) {
        Expr target = assignTarget(Set.of(), true);
        if (in.skipOp("=")) {
            Expr value = expr.tuple(false, true, Set.of(), false);
            in.expect(Kind.BLOCK_END);
            return new Stmt.Set(target, value, line);
        }
        Expr filter = in.current().isOp("|") ? expr.filters(null, false) : null;
        in.expect(Kind.BLOCK_END);
        return new Stmt.SetBlock(target, filter, closedBody("endset"), line);
    }

    /** A name, a tuple of names, or with {@code namespaceRef} also {@code ns.attr}. */
    private Expr assignTarget(Set<String> extraEnd, boolean namespaceRef) {
        if (namespaceRef && in.current().kind() == Kind.NAME && in.peek(1).isOp(".")) {
            Token ns = in.next();
            in.next();
            return new Expr.GetAttr(new Expr.Name(ns.text(), ns.line()), in.expectName(), ns.line());
        }
        Expr target = expr.tuple(true, true, extraEnd, false);
        checkAssignable(target);
        return target;
    }

    private void checkAssignable(Expr target) {
        if (target instanceof Expr.Name name) {
            if (Set.of("true", "false", "none", "True", "False", "None").contains(name.name())) {
                throw new JinjaException("Can't assign to special constant '" + name.name() + "'", name.line());
            }
            return;
        }
        if (target instanceof Expr.TupleLit tuple) {
            tuple.items().forEach(this::checkAssignable);
            return;
        }
        throw new JinjaException("can't assign to " + target.getClass().getSimpleName(), target.line());
    }

    private Stmt macro(int line) {
        String name = in.expectName();
        List<String> params = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        signature(params, defaults);
        in.expect(Kind.BLOCK_END);
        return new Stmt.Macro(name, params, defaults, closedBody("endmacro"), line);
    }

    private void signature(List<String> params, List<Expr> defaults) {
        in.expectOp("(");
        while (!in.current().isOp(")")) {
            if (!params.isEmpty()) {
                in.expectOp(",");
            }
            params.add(in.expectName());
            if (in.skipOp("=")) {
                defaults.add(expr.expression());
            } else if (!defaults.isEmpty()) {
                throw in.fail("non-default argument follows default argument");
            }
        }
        in.expectOp(")");
    }

    private Stmt callBlock(int line) {
        List<String> params = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        if (in.current().isOp("(")) {
            signature(params, defaults);
        }
        Expr call = expr.expression();
        if (!(call instanceof Expr.Call c)) {
            throw new JinjaException("expected call", line);
        }
        in.expect(Kind.BLOCK_END);
        return new Stmt.CallBlock(c, params, defaults, closedBody("endcall"), line);
    }

    private Stmt filterBlock(int line) {
        Expr filter = expr.filters(null, true);
        in.expect(Kind.BLOCK_END);
        return new Stmt.FilterBlock(filter, closedBody("endfilter"), line);
    }

    private Stmt with(int line) {
        List<Expr> targets = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (in.current().kind() != Kind.BLOCK_END) {
            if (!targets.isEmpty()) {
                in.expectOp(",");
            }
            Expr target = expr.tuple(true, true, Set.of(), false);
            checkAssignable(target);
            targets.add(target);
            in.expectOp("=");
            values.add(expr.expression());
        }
        in.expect(Kind.BLOCK_END);
        return new Stmt.With(targets, values, closedBody("endwith"), line);
    }
}
