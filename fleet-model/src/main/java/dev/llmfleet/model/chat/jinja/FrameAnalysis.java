package dev.llmfleet.model.chat.jinja;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * jinja2 decides at compile time which frame each name belongs to (its idtracking module). A name a
 * frame assigns without having read it first starts out undefined in that frame, so a loop or macro
 * that reads it before the assignment runs sees undefined, not the render variable of that name.
 * Plain scope-chain lookup would find the render variable; this analysis finds those names, and the
 * renderer marks them unassigned when it enters the frame.
 */
final class FrameAnalysis {

    private enum Load {
        RESOLVE,
        UNDEFINED,
        ALIAS,
        PARAMETER
    }

    private static final class Symbols {
        final Symbols parent;
        final Map<String, Load> refs = new HashMap<>();
        final Set<String> stores = new HashSet<>();

        Symbols(Symbols parent) {
            this.parent = parent;
        }

        boolean hasRef(String name) {
            for (Symbols s = this; s != null; s = s.parent) {
                if (s.refs.containsKey(name)) {
                    return true;
                }
            }
            return false;
        }

        void load(String name) {
            if (!hasRef(name)) {
                refs.put(name, Load.RESOLVE);
            }
        }

        void store(String name) {
            stores.add(name);
            if (!refs.containsKey(name)) {
                refs.put(name, parent != null && parent.hasRef(name) ? Load.ALIAS : Load.UNDEFINED);
            }
        }

        void parameter(String name) {
            stores.add(name);
            refs.put(name, Load.PARAMETER);
        }

        Symbols copy() {
            Symbols c = new Symbols(parent);
            c.refs.putAll(refs);
            c.stores.addAll(stores);
            return c;
        }

        /** A name assigned in only some branches of an if must fall back to its outer value in the others. */
        void branchUpdate(List<Symbols> branches) {
            Map<String, Integer> storedIn = new HashMap<>();
            for (Symbols branch : branches) {
                for (String name : branch.stores) {
                    if (!stores.contains(name)) {
                        storedIn.merge(name, 1, Integer::sum);
                    }
                }
            }
            for (Symbols branch : branches) {
                refs.putAll(branch.refs);
                stores.addAll(branch.stores);
            }
            storedIn.forEach((name, count) -> {
                if (count != branches.size()) {
                    refs.put(name, parent != null && parent.hasRef(name) ? Load.ALIAS : Load.RESOLVE);
                }
            });
        }
    }

    private final Map<List<Stmt>, Set<String>> unassigned = new IdentityHashMap<>();
    private final List<Runnable> childFrames = new ArrayList<>();
    private Symbols symbols;
    private Symbols frameSymbols;

    private FrameAnalysis() {}

    /** For every frame body, the names to mark unassigned on entering it. */
    static Map<List<Stmt>, Set<String>> analyze(List<Stmt> template) {
        FrameAnalysis analysis = new FrameAnalysis();
        analysis.frame(template, null, List.of());
        return analysis.unassigned;
    }

    private void frame(List<Stmt> body, Symbols parent, List<String> parameters) {
        Symbols frame = new Symbols(parent);
        parameters.forEach(frame::parameter);
        List<Runnable> outerChildren = new ArrayList<>(childFrames);
        childFrames.clear();
        symbols = frame;
        frameSymbols = frame;
        body.forEach(this::visit);
        Set<String> names = new HashSet<>();
        frame.refs.forEach((name, load) -> {
            if (load == Load.UNDEFINED) {
                names.add(name);
            }
        });
        if (!names.isEmpty()) {
            unassigned.put(body, names);
        }
        // jinja2 analyses nested frames once their parent's symbols are complete.
        List<Runnable> children = new ArrayList<>(childFrames);
        childFrames.clear();
        children.forEach(Runnable::run);
        childFrames.addAll(outerChildren);
    }

    private void child(List<Stmt> body, List<String> parameters) {
        Symbols parent = frameSymbols;
        childFrames.add(() -> frame(body, parent, parameters));
    }

    private void visit(Stmt stmt) {
        switch (stmt) {
            case Stmt.Text t -> {}
            case Stmt.Print p -> loads(p.value());
            case Stmt.If i -> visitIf(i, 0);
            case Stmt.For f -> {
                loads(f.iterable());
                child(f.body(), targetNames(f.target()));
                child(f.otherwise(), List.of());
            }
            case Stmt.Set s -> {
                loads(s.value());
                assign(s.target());
            }
            case Stmt.SetBlock s -> {
                assign(s.target());
                child(s.body(), List.of());
            }
            case Stmt.Macro m -> {
                symbols.store(m.name());
                child(m.body(), withCaller(m.params()));
            }
            case Stmt.CallBlock c -> {
                loads(c.call());
                child(c.body(), c.params());
            }
            case Stmt.FilterBlock f -> {
                loads(f.filter());
                child(f.body(), List.of());
            }
            case Stmt.With w -> {
                w.values().forEach(this::loads);
                List<String> names = new ArrayList<>();
                w.targets().forEach(t -> names.addAll(targetNames(t)));
                child(w.body(), names);
            }
            case Stmt.Generation g -> child(g.body(), List.of());
            case Stmt.Break b -> {}
            case Stmt.Continue c -> {}
        }
    }

    private static List<String> withCaller(List<String> params) {
        List<String> names = new ArrayList<>(params);
        names.add("caller");
        return names;
    }

    /** Mirrors jinja2's If node, whose elif branches are sibling If nodes visited in one branch copy. */
    private void visitIf(Stmt.If node, int from) {
        loads(node.conditions().get(from));
        Symbols original = symbols;
        List<Symbols> branches = new ArrayList<>();
        branches.add(branch(original, () -> node.bodies().get(from).forEach(this::visit)));
        if (from == 0) {
            branches.add(branch(original, () -> {
                for (int k = 1; k < node.conditions().size(); k++) {
                    visitIf(node, k);
                }
            }));
            branches.add(branch(original, () -> node.otherwise().forEach(this::visit)));
        } else {
            branches.add(original.copy());
            branches.add(original.copy());
        }
        symbols = original;
        original.branchUpdate(branches);
    }

    private Symbols branch(Symbols original, Runnable visitor) {
        Symbols copy = original.copy();
        symbols = copy;
        visitor.run();
        symbols = original;
        return copy;
    }

    private void assign(Expr target) {
        switch (target) {
            case Expr.Name n -> symbols.store(n.name());
            case Expr.TupleLit t -> t.items().forEach(this::assign);
            case Expr.GetAttr a -> loads(a.target());
            default -> {}
        }
    }

    private static List<String> targetNames(Expr target) {
        List<String> names = new ArrayList<>();
        if (target instanceof Expr.Name n) {
            names.add(n.name());
        } else if (target instanceof Expr.TupleLit t) {
            t.items().forEach(item -> names.addAll(targetNames(item)));
        }
        return names;
    }

    private void loads(Expr expr) {
        switch (expr) {
            case null -> {}
            case Expr.Name n -> symbols.load(n.name());
            case Expr.Const c -> {}
            case Expr.ListLit l -> l.items().forEach(this::loads);
            case Expr.TupleLit t -> t.items().forEach(this::loads);
            case Expr.DictLit d -> {
                d.keys().forEach(this::loads);
                d.values().forEach(this::loads);
            }
            case Expr.GetAttr a -> loads(a.target());
            case Expr.GetItem g -> {
                loads(g.target());
                loads(g.key());
            }
            case Expr.Slice s -> {
                loads(s.start());
                loads(s.stop());
                loads(s.step());
            }
            case Expr.Call c -> {
                loads(c.callee());
                arguments(c.args());
            }
            case Expr.Filter f -> {
                loads(f.target());
                arguments(f.args());
            }
            case Expr.Test t -> {
                loads(t.target());
                arguments(t.args());
            }
            case Expr.Unary u -> loads(u.operand());
            case Expr.Binary b -> {
                loads(b.left());
                loads(b.right());
            }
            case Expr.Compare c -> {
                loads(c.first());
                c.rest().forEach(this::loads);
            }
            case Expr.Conditional c -> {
                loads(c.test());
                loads(c.then());
                loads(c.otherwise());
            }
        }
    }

    private void arguments(Expr.Arguments args) {
        args.positional().forEach(this::loads);
        args.keywords().forEach(k -> loads(k.value()));
        loads(args.spread());
        loads(args.spreadKeywords());
    }
}
