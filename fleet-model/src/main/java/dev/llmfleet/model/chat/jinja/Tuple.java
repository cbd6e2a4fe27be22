package dev.llmfleet.model.chat.jinja;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/** A Python tuple: a list that prints with parentheses and never equals a list. */
final class Tuple extends AbstractList<Object> implements RandomAccess {

    private final List<Object> items;

    Tuple(List<Object> items) {
        this.items = items;
    }

    static Tuple of(Object... items) {
        return new Tuple(Arrays.asList(items));
    }

    @Override
    public Object get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }
}
