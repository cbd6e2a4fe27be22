package dev.llmfleet.observability;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The hub's settings as Spring binds them: defaults, with the given {@code fleet.observability.*} keys set. */
public final class TestProperties {

    private TestProperties() {}

    public static ObservabilityProperties with(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("fleet.observability", ObservabilityProperties.class);
    }
}
