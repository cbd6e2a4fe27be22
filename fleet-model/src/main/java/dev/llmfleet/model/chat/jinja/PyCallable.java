package dev.llmfleet.model.chat.jinja;

import java.util.List;
import java.util.Map;

/** Anything a template can call: globals, macros, bound string/dict/list methods, loop helpers. */
@FunctionalInterface
interface PyCallable {

    Object call(List<Object> args, Map<String, Object> kwargs);
}
