package dev.llmfleet.model.chat.jinja;

import java.util.LinkedHashMap;
import java.util.Map;

/** jinja2's {@code namespace()}: the one object a template may mutate, so loops can carry state out. */
final class Namespace {

    final Map<String, Object> attributes = new LinkedHashMap<>();
}
