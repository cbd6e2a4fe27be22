package dev.llmfleet.model.chat.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code loop} variable of a for loop. */
final class LoopContext implements PyCallable {

    private final List<?> items;
    private final int depth0;
    private final PyCallable recurse;
    int index0;
    private Object lastChanged = new Object();

    LoopContext(List<?> items, int depth0, PyCallable recurse) {
        this.items = items;
        this.depth0 = depth0;
        this.recurse = recurse;
    }

    Object attribute(String name) {
        int n = items.size();
        return switch (name) {
            case "index" -> (long) index0 + 1;
            case "index0" -> (long) index0;
            case "revindex" -> (long) (n - index0);
            case "revindex0" -> (long) (n - index0 - 1);
            case "first" -> index0 == 0;
            case "last" -> index0 == n - 1;
            case "length" -> (long) n;
            case "depth" -> (long) depth0 + 1;
            case "depth0" -> (long) depth0;
            case "previtem" -> index0 > 0 ? items.get(index0 - 1) : Undefined.because("there is no previous item");
            case "nextitem" -> index0 < n - 1 ? items.get(index0 + 1) : Undefined.because("there is no next item");
            case "cycle" ->
                (PyCallable) (args, kwargs) -> {
                    if (args.isEmpty()) {
                        throw new JinjaException("no items for cycling given");
                    }
                    return args.get(index0 % args.size());
                };
            case "changed" ->
                (PyCallable) (args, kwargs) -> {
                    List<Object> value = new ArrayList<>(args);
                    boolean changed = !Py.eq(value, lastChanged);
                    lastChanged = value;
                    return changed;
                };
            default -> Undefined.attribute(this, name);
        };
    }

    @Override
    public Object call(List<Object> args, Map<String, Object> kwargs) {
        if (recurse == null) {
            throw new JinjaException("Tried to call non recursive loop. Maybe you forgot the 'recursive' modifier.");
        }
        return recurse.call(args, kwargs);
    }
}
