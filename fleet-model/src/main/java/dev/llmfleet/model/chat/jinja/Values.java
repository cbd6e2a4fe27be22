package dev.llmfleet.model.chat.jinja;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copies caller variables into runtime values, so templates see Python types and never a caller's object. */
final class Values {

    private static final int MAX_DEPTH = 1000;

    private Values() {}

    static Object fromJava(Object v) {
        return convert(v, 0);
    }

    private static Object convert(Object v, int depth) {
        if (depth > MAX_DEPTH) {
            throw new JinjaException("variables nested deeper than " + MAX_DEPTH + " levels (a cycle?)");
        }
        return switch (v) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case Long l -> l;
            case Integer i -> (long) i;
            case Short s -> (long) s;
            case Byte b -> (long) b;
            case BigInteger b -> {
                if (b.bitLength() > 63) {
                    throw new JinjaException("integer variable out of range: " + b);
                }
                yield b.longValue();
            }
            case Double d -> d;
            case Float f -> (double) f;
            case BigDecimal d -> d.doubleValue();
            case Number n -> n.doubleValue();
            case Character c -> c.toString();
            case Map<?, ?> m -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    out.put(convert(e.getKey(), depth + 1), convert(e.getValue(), depth + 1));
                }
                yield out;
            }
            case Collection<?> c -> {
                List<Object> out = new ArrayList<>(c.size());
                for (Object item : c) {
                    out.add(convert(item, depth + 1));
                }
                yield out;
            }
            case Object[] array -> convert(List.of(array), depth);
            default ->
                throw new JinjaException(
                        "unsupported variable type: " + v.getClass().getName());
        };
    }
}
