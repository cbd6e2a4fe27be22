package dev.llmfleet.model.chat.jinja;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The global functions of transformers' chat template environment. */
final class Globals {

    private Globals() {}

    static Scope scope() {
        Scope s = new Scope(null);
        s.set("range", (PyCallable) (a, k) -> range(a, k));
        s.set("dict", (PyCallable) (a, k) -> dict(a, k));
        s.set("namespace", (PyCallable) (a, k) -> {
            Namespace ns = new Namespace();
            dict(a, k).forEach((key, value) -> ns.attributes.put(Py.str(key), value));
            return ns;
        });
        s.set("raise_exception", (PyCallable) (a, k) -> {
            throw JinjaException.raisedByTemplate(
                    Py.str(Args.bind("raise_exception", a, k, "message").required(0)));
        });
        s.set("strftime_now", (PyCallable) (a, k) -> Strftime.format(
                LocalDateTime.now(),
                Py.str(Args.bind("strftime_now", a, k, "format").required(0))));
        return s;
    }

    private static Object range(List<Object> a, Map<String, Object> k) {
        if (!k.isEmpty() || a.isEmpty() || a.size() > 3) {
            throw new JinjaException("range expected 1 to 3 positional arguments");
        }
        for (Object o : a) {
            if (!Py.isInteger(o)) {
                throw new JinjaException("'" + Py.typeName(o) + "' object cannot be interpreted as an integer");
            }
        }
        long start = a.size() == 1 ? 0 : Py.toLong(a.get(0));
        long stop = Py.toLong(a.get(a.size() == 1 ? 0 : 1));
        long step = a.size() == 3 ? Py.toLong(a.get(2)) : 1;
        if (step == 0) {
            throw new JinjaException("range() arg 3 must not be zero");
        }
        double span = step > 0 ? (double) stop - start : (double) start - stop;
        long count = span <= 0 ? 0 : (long) Math.ceil(span / Math.abs((double) step));
        if (span / Math.abs((double) step) > Limits.MAX_RANGE || count > Limits.MAX_RANGE) {
            throw new JinjaException(
                    "Range too big. The sandbox blocks ranges larger than MAX_RANGE (" + Limits.MAX_RANGE + ").");
        }
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            out.add(start + i * step);
        }
        return out;
    }

    private static Map<Object, Object> dict(List<Object> a, Map<String, Object> k) {
        if (a.size() > 1) {
            throw new JinjaException("dict expected at most 1 argument, got " + a.size());
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        if (!a.isEmpty()) {
            Object source = a.get(0);
            if (source instanceof Map<?, ?> m) {
                out.putAll(m);
            } else {
                for (Object pair : Py.iterate(source)) {
                    List<?> kv = Py.iterate(pair);
                    if (kv.size() != 2) {
                        throw new JinjaException(
                                "dictionary update sequence element has length " + kv.size() + "; 2 is required");
                    }
                    out.put(kv.get(0), kv.get(1));
                }
            }
        }
        out.putAll(k);
        return out;
    }
}
