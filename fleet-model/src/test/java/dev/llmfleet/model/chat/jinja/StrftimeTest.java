package dev.llmfleet.model.chat.jinja;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** strftime_now's directives against Python's datetime.strftime on a fixed moment. */
class StrftimeTest {

    private static final Map<String, Object> DATA = Jinja2Expectations.load("strftime_cases.json");

    @SuppressWarnings("unchecked")
    static Stream<Arguments> formats() {
        return ((List<Map<String, Object>>) DATA.get("cases"))
                .stream().map(c -> Arguments.of(c.get("format"), c.get("expected")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void formatsLikePython(String format, String expected) {
        LocalDateTime moment = LocalDateTime.parse((String) DATA.get("datetime"));

        assertThat(Strftime.format(moment, format)).isEqualTo(expected);
    }

    @Test
    void strftimeNowUsesTheSystemClock() {
        LocalDate before = LocalDate.now();
        String rendered =
                JinjaTemplate.compile("{{ strftime_now('%Y-%m-%d') }}").render(Map.of());
        LocalDate after = LocalDate.now();

        assertThat(rendered).isIn(before.toString(), after.toString());
    }
}
