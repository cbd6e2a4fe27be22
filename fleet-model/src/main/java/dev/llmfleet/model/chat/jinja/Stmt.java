package dev.llmfleet.model.chat.jinja;

import java.util.List;

/** Statement nodes of a parsed template. */
sealed interface Stmt {

    int line();

    record Text(String text, int line) implements Stmt {}

    record Print(Expr value, int line) implements Stmt {}

    record If(List<Expr> conditions, List<List<Stmt>> bodies, List<Stmt> otherwise, int line) implements Stmt {}

    /** Target is a {@link Expr.Name} or a {@link Expr.TupleLit} of names. */
    record For(
            Expr target, Expr iterable, Expr filter, List<Stmt> body, List<Stmt> otherwise, boolean recursive, int line)
            implements Stmt {}

    /** Target is a name, a tuple of names, or {@code ns.attr}. */
    record Set(Expr target, Expr value, int line) implements Stmt {}

    /** {@code {% set x | filters %}...{% endset %}}; filters chain from a null target. */
    record SetBlock(Expr target, Expr filter, List<Stmt> body, int line) implements Stmt {}

    record Macro(String name, List<String> params, List<Expr> defaults, List<Stmt> body, int line) implements Stmt {}

    record CallBlock(Expr.Call call, List<String> params, List<Expr> defaults, List<Stmt> body, int line)
            implements Stmt {}

    record FilterBlock(Expr filter, List<Stmt> body, int line) implements Stmt {}

    record With(List<Expr> targets, List<Expr> values, List<Stmt> body, int line) implements Stmt {}

    record Break(int line) implements Stmt {}

    record Continue(int line) implements Stmt {}

    /** transformers' {@code {% generation %}}: renders its body and records where that text landed. */
    record Generation(List<Stmt> body, int line) implements Stmt {}
}
