package dev.llmfleet.model.chat.jinja;

import java.util.List;
import java.util.Map;

/** A template macro bound to the scope it was defined in, as jinja2's closures are. */
record Macro(Stmt.Macro definition, Scope closure, Renderer renderer) implements PyCallable {

    String name() {
        return definition.name();
    }

    @Override
    public Object call(List<Object> args, Map<String, Object> kwargs) {
        return renderer.callMacro(this, args, kwargs);
    }
}
