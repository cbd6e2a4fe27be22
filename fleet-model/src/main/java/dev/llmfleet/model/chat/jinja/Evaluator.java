package dev.llmfleet.model.chat.jinja;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluates expressions to runtime values with jinja2's semantics. */
final class Evaluator {

    Object eval(Expr expr, Scope scope) {
        return switch (expr) {
            case Expr.Const c -> c.value();
            case Expr.Name n -> scope.lookup(n.name());
            case Expr.ListLit l -> evalAll(l.items(), scope);
            case Expr.TupleLit t -> new Tuple(evalAll(t.items(), scope));
            case Expr.DictLit d -> {
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < d.keys().size(); i++) {
                    Py.put(map, eval(d.keys().get(i), scope), eval(d.values().get(i), scope));
                }
                yield map;
            }
            case Expr.GetAttr a -> Attributes.getattr(defined(eval(a.target(), scope)), a.name());
            case Expr.GetItem g -> {
                Object target = defined(eval(g.target(), scope));
                if (g.key() instanceof Expr.Slice s) {
                    yield Attributes.slice(target, opt(s.start(), scope), opt(s.stop(), scope), opt(s.step(), scope));
                }
                yield Attributes.getitem(target, eval(g.key(), scope));
            }
            case Expr.Slice s -> throw new JinjaException("slice outside of a subscript");
            case Expr.Call c -> call(c, scope, Map.of());
            case Expr.Filter f -> filterChain(f, null, scope);
            case Expr.Test t -> {
                boolean result = Tests.apply(t.name(), eval(t.target(), scope), positional(t.args(), scope));
                yield t.negated() != result;
            }
            case Expr.Unary u -> unary(u.op(), eval(u.operand(), scope));
            case Expr.Binary b -> binary(b, scope);
            case Expr.Compare c -> compare(c, scope);
            case Expr.Conditional c -> {
                if (Py.truthy(eval(c.test(), scope))) {
                    yield eval(c.then(), scope);
                }
                yield c.otherwise() != null
                        ? eval(c.otherwise(), scope)
                        : Undefined.because("the inline if-expression on line " + c.line()
                                + " evaluated to false and no else section was defined.");
            }
        };
    }

    private static Object defined(Object v) {
        if (v instanceof Undefined u) {
            throw u.error();
        }
        return v;
    }

    private Object opt(Expr e, Scope scope) {
        return e == null ? null : eval(e, scope);
    }

    List<Object> evalAll(List<Expr> exprs, Scope scope) {
        List<Object> out = new ArrayList<>(exprs.size());
        for (Expr e : exprs) {
            out.add(eval(e, scope));
        }
        return out;
    }

    private List<Object> positional(Expr.Arguments args, Scope scope) {
        List<Object> out = evalAll(args.positional(), scope);
        if (args.spread() != null) {
            out.addAll(Py.iterate(eval(args.spread(), scope)));
        }
        return out;
    }

    private Map<String, Object> keywords(Expr.Arguments args, Scope scope) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Expr.Keyword k : args.keywords()) {
            out.put(k.name(), eval(k.value(), scope));
        }
        if (args.spreadKeywords() != null) {
            if (!(eval(args.spreadKeywords(), scope) instanceof Map<?, ?> extra)) {
                throw new JinjaException("argument after ** must be a mapping");
            }
            extra.forEach((key, value) -> out.put(Py.str(key), value));
        }
        return out;
    }

    Object call(Expr.Call c, Scope scope, Map<String, Object> extraKeywords) {
        Object callee = eval(c.callee(), scope);
        List<Object> args = positional(c.args(), scope);
        Map<String, Object> kwargs = keywords(c.args(), scope);
        kwargs.putAll(extraKeywords);
        return invoke(callee, args, kwargs);
    }

    static Object invoke(Object callee, List<Object> args, Map<String, Object> kwargs) {
        if (callee instanceof PyCallable f) {
            return f.call(args, kwargs);
        }
        if (callee instanceof Undefined u) {
            throw u.error();
        }
        throw new JinjaException("'" + Py.typeName(callee) + "' object is not callable");
    }

    /** Applies a filter chain; the innermost filter of a block form has a null target and gets {@code input}. */
    Object filterChain(Expr filter, Object input, Scope scope) {
        if (!(filter instanceof Expr.Filter f)) {
            return eval(filter, scope);
        }
        Object value = f.target() == null ? input : filterChain(f.target(), input, scope);
        List<Object> args = positional(f.args(), scope);
        Map<String, Object> kwargs = keywords(f.args(), scope);
        try {
            return Filters.apply(f.name(), value, args, kwargs);
        } catch (JinjaException e) {
            throw e.at(f.line());
        }
    }

    private static Object unary(String op, Object v) {
        return switch (op) {
            case "not" -> !Py.truthy(v);
            case "-" -> Operators.negate(v);
            default -> Operators.positive(v);
        };
    }

    private Object binary(Expr.Binary b, Scope scope) {
        Object left = eval(b.left(), scope);
        return switch (b.op()) {
            case "and" -> Py.truthy(left) ? eval(b.right(), scope) : left;
            case "or" -> Py.truthy(left) ? left : eval(b.right(), scope);
            case "~" -> concat(Py.str(left), Py.str(eval(b.right(), scope)));
            default -> Operators.arithmetic(b.op(), left, eval(b.right(), scope));
        };
    }

    private static String concat(String left, String right) {
        Limits.checkSize((long) left.length() + right.length());
        return left + right;
    }

    private Object compare(Expr.Compare c, Scope scope) {
        Object left = eval(c.first(), scope);
        for (int i = 0; i < c.ops().size(); i++) {
            Object right = eval(c.rest().get(i), scope);
            if (!Operators.compare(c.ops().get(i), left, right)) {
                return false;
            }
            left = right;
        }
        return true;
    }
}
