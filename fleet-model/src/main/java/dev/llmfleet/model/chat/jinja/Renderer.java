package dev.llmfleet.model.chat.jinja;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Executes statements; one instance per render, so its counters bound a single render. */
final class Renderer {

    enum Flow {
        NORMAL,
        BREAK,
        CONTINUE
    }

    private final Evaluator eval = new Evaluator();
    private final Map<List<Stmt>, Set<String>> unassigned;
    private final List<JinjaTemplate.Span> spans = new ArrayList<>();
    private Output root;
    private long steps;
    private int depth;

    Renderer(Map<List<Stmt>, Set<String>> unassigned) {
        this.unassigned = unassigned;
    }

    JinjaTemplate.Rendered render(List<Stmt> body, Scope variables) {
        root = new Output();
        exec(body, frame(variables, body), root);
        return new JinjaTemplate.Rendered(root.toString(), List.copyOf(spans));
    }

    /** A new scope for a frame body: a loop iteration, macro call, block capture. */
    Scope frame(Scope parent, List<Stmt> body) {
        Scope scope = parent.child();
        Set<String> names = unassigned.get(body);
        if (names != null) {
            scope.unassign(names);
        }
        return scope;
    }

    Flow exec(List<Stmt> body, Scope scope, Output out) {
        for (Stmt s : body) {
            Flow flow = exec(s, scope, out);
            if (flow != Flow.NORMAL) {
                return flow;
            }
        }
        return Flow.NORMAL;
    }

    private Flow exec(Stmt stmt, Scope scope, Output out) {
        try {
            switch (stmt) {
                case Stmt.Text t -> out.append(t.text());
                case Stmt.Print p -> out.append(Py.str(eval.eval(p.value(), scope)));
                case Stmt.If i -> {
                    for (int k = 0; k < i.conditions().size(); k++) {
                        if (Py.truthy(eval.eval(i.conditions().get(k), scope))) {
                            return exec(i.bodies().get(k), scope, out);
                        }
                    }
                    return exec(i.otherwise(), scope, out);
                }
                case Stmt.For f -> loop(f, scope, eval.eval(f.iterable(), scope), 0, out);
                case Stmt.Set s -> assign(s.target(), eval.eval(s.value(), scope), scope);
                case Stmt.SetBlock s -> assign(s.target(), captured(s.body(), s.filter(), scope), scope);
                case Stmt.Macro m -> scope.set(m.name(), new Macro(m, scope, this));
                case Stmt.CallBlock c -> {
                    Stmt.Macro caller = new Stmt.Macro("caller", c.params(), c.defaults(), c.body(), c.line());
                    Object result = eval.call(c.call(), scope, Map.of("caller", new Macro(caller, scope, this)));
                    out.append(Py.str(result));
                }
                case Stmt.FilterBlock f -> out.append(Py.str(captured(f.body(), f.filter(), scope)));
                case Stmt.With w -> {
                    Scope inner = frame(scope, w.body());
                    for (int k = 0; k < w.targets().size(); k++) {
                        assign(w.targets().get(k), eval.eval(w.values().get(k), scope), inner);
                    }
                    exec(w.body(), inner, out);
                }
                case Stmt.Break b -> {
                    return Flow.BREAK;
                }
                case Stmt.Continue c -> {
                    return Flow.CONTINUE;
                }
                case Stmt.Generation g -> {
                    int start = out.length();
                    exec(g.body(), frame(scope, g.body()), out);
                    if (out == root) {
                        spans.add(new JinjaTemplate.Span(start, out.length()));
                    }
                }
            }
            return Flow.NORMAL;
        } catch (JinjaException e) {
            throw e.at(stmt.line());
        }
    }

    private Object captured(List<Stmt> body, Expr filter, Scope scope) {
        enter();
        Output capture = new Output();
        exec(body, frame(scope, body), capture);
        exit();
        return filter == null ? capture.toString() : eval.filterChain(filter, capture.toString(), scope);
    }

    private void loop(Stmt.For f, Scope scope, Object iterable, int depth0, Output out) {
        List<?> items = Py.iterate(iterable);
        if (f.filter() != null) {
            List<Object> kept = new ArrayList<>();
            for (Object item : items) {
                step();
                Scope s = scope.child();
                assign(f.target(), item, s);
                if (Py.truthy(eval.eval(f.filter(), s))) {
                    kept.add(item);
                }
            }
            items = kept;
        }
        if (items.isEmpty()) {
            exec(f.otherwise(), frame(scope, f.otherwise()), out);
            return;
        }
        PyCallable recurse = !f.recursive()
                ? null
                : (args, kwargs) -> {
                    if (args.size() != 1) {
                        throw new JinjaException("loop() takes exactly one argument");
                    }
                    enter();
                    Output nested = new Output();
                    loop(f, scope, args.get(0), depth0 + 1, nested);
                    exit();
                    return nested.toString();
                };
        LoopContext context = new LoopContext(items, depth0, recurse);
        for (int i = 0; i < items.size(); i++) {
            step();
            context.index0 = i;
            Scope s = frame(scope, f.body());
            assign(f.target(), items.get(i), s);
            s.set("loop", context);
            if (exec(f.body(), s, out) == Flow.BREAK) {
                return;
            }
        }
    }

    void assign(Expr target, Object value, Scope scope) {
        switch (target) {
            case Expr.Name n -> scope.set(n.name(), value);
            case Expr.TupleLit t -> {
                List<?> items = Py.iterate(value);
                if (items.size() != t.items().size()) {
                    throw new JinjaException(
                            items.size() > t.items().size()
                                    ? "too many values to unpack (expected "
                                            + t.items().size() + ")"
                                    : "not enough values to unpack (expected "
                                            + t.items().size() + ", got " + items.size() + ")");
                }
                for (int i = 0; i < items.size(); i++) {
                    assign(t.items().get(i), items.get(i), scope);
                }
            }
            case Expr.GetAttr a -> {
                Object owner = eval.eval(a.target(), scope);
                if (!(owner instanceof Namespace ns)) {
                    throw new JinjaException("cannot assign attribute on non-namespace object");
                }
                ns.attributes.put(a.name(), value);
            }
            default -> throw new JinjaException("cannot assign to this expression");
        }
    }

    Object callMacro(Macro macro, List<Object> args, Map<String, Object> kwargs) {
        Stmt.Macro def = macro.definition();
        List<String> params = def.params();
        if (args.size() > params.size()) {
            throw new JinjaException(
                    "macro '" + def.name() + "' takes not more than " + params.size() + " argument(s)");
        }
        step();
        enter();
        Scope s = frame(macro.closure(), def.body());
        Map<String, Object> extra = new HashMap<>(kwargs);
        int firstDefault = params.size() - def.defaults().size();
        for (int i = 0; i < params.size(); i++) {
            String name = params.get(i);
            Object value;
            if (i < args.size()) {
                if (extra.containsKey(name)) {
                    throw new JinjaException(
                            "macro '" + def.name() + "' got multiple values for argument '" + name + "'");
                }
                value = args.get(i);
            } else if (extra.containsKey(name)) {
                value = extra.remove(name);
            } else if (i >= firstDefault) {
                value = eval.eval(def.defaults().get(i - firstDefault), s);
            } else {
                value = Undefined.because("parameter '" + name + "' was not provided");
            }
            s.set(name, value);
        }
        if (extra.containsKey("caller")) {
            s.set("caller", extra.remove("caller"));
        }
        if (!extra.isEmpty()) {
            throw new JinjaException("macro '" + def.name() + "' takes no keyword argument '"
                    + extra.keySet().iterator().next() + "'");
        }
        Output out = new Output();
        exec(def.body(), s, out);
        exit();
        return out.toString();
    }

    void step() {
        if (++steps > Limits.MAX_STEPS) {
            throw new JinjaException("template exceeded " + Limits.MAX_STEPS + " loop iterations and calls");
        }
    }

    void enter() {
        if (++depth > Limits.MAX_CALL_DEPTH) {
            throw new JinjaException("maximum recursion depth of " + Limits.MAX_CALL_DEPTH + " exceeded");
        }
    }

    void exit() {
        depth--;
    }
}
