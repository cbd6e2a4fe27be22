package dev.llmfleet.trainer;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@link TrainerProperties} as the application would bind them, with the defaults and a few overrides. */
public final class TestProperties {

    private TestProperties() {}

    public static TrainerProperties of(Map<String, String> overrides) {
        return new Binder(new MapConfigurationPropertySource(overrides))
                .bindOrCreate("fleet.trainer", TrainerProperties.class);
    }
}
