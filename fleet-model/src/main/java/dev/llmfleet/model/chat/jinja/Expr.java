package dev.llmfleet.model.chat.jinja;

import java.util.List;

/** Expression nodes; every node keeps its line so runtime errors can point at the template. */
sealed interface Expr {

    int line();

    record Const(Object value, int line) implements Expr {}

    record Name(String name, int line) implements Expr {}

    record ListLit(List<Expr> items, int line) implements Expr {}

    record TupleLit(List<Expr> items, int line) implements Expr {}

    record DictLit(List<Expr> keys, List<Expr> values, int line) implements Expr {}

    record GetAttr(Expr target, String name, int line) implements Expr {}

    record GetItem(Expr target, Expr key, int line) implements Expr {}

    /** {@code a[start:stop:step]}; absent parts are null. */
    record Slice(Expr start, Expr stop, Expr step, int line) implements Expr {}

    record Call(Expr callee, Arguments args, int line) implements Expr {}

    /** {@code target|name(args)}; target is null inside {@code {% filter %}} and {@code set} blocks. */
    record Filter(Expr target, String name, Arguments args, int line) implements Expr {}

    record Test(Expr target, String name, Arguments args, boolean negated, int line) implements Expr {}

    record Unary(String op, Expr operand, int line) implements Expr {}

    record Binary(String op, Expr left, Expr right, int line) implements Expr {}

    /** Python-style chains: {@code a < b < c} compares pairwise and stops at the first false. */
    record Compare(Expr first, List<String> ops, List<Expr> rest, int line) implements Expr {}

    record Conditional(Expr test, Expr then, Expr otherwise, int line) implements Expr {}

    record Keyword(String name, Expr value) {}

    /** Call arguments; {@code spread} and {@code spreadKeywords} are {@code *args} and {@code **kwargs}, or null. */
    record Arguments(List<Expr> positional, List<Keyword> keywords, Expr spread, Expr spreadKeywords) {
        static final Arguments NONE = new Arguments(List.of(), List.of(), null, null);

        Arguments(List<Expr> positional, List<Keyword> keywords) {
            this(positional, keywords, null, null);
        }
    }
}
