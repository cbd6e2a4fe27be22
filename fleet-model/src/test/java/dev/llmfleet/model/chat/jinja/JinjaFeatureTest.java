package dev.llmfleet.model.chat.jinja;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One small template per jinja2 feature, each compared with what Python's jinja2 rendered. */
class JinjaFeatureTest {

    static Stream<Arguments> features() {
        List<Map<String, Object>> cases = Jinja2Expectations.load("feature_cases.json");
        return cases.stream().map(c -> Arguments.of(c.get("name"), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("features")
    @SuppressWarnings("unchecked")
    void rendersLikeJinja2(String name, Map<String, Object> c) {
        Jinja2Expectations.assertRendersLikeJinja2(
                (String) c.get("template"), (Map<String, Object>) c.get("variables"), c);
    }
}
