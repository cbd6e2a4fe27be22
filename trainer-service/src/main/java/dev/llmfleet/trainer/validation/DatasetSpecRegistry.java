package dev.llmfleet.trainer.validation;

import dev.llmfleet.trainer.TrainerProperties;
import dev.llmfleet.trainer.engine.DatasetFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The dataset specs the trainer accepts, deny by default: a line whose keys match no registered
 * spec is rejected, never guessed at.
 */
@Component
public class DatasetSpecRegistry {

    private static final Set<String> CHAT_KEYS = Set.of("messages");
    private static final Set<String> SKILL_KEYS = Set.of("messages", "skill");
    private static final Set<String> COMPLETION_KEYS = Set.of("prompt", "completion");

    private final Map<String, DatasetSpec> specs = new LinkedHashMap<>();

    public DatasetSpecRegistry(TrainerProperties properties) {
        register(DatasetSpec.of(DatasetFormat.CHAT_SFT_V1));
        register(DatasetSpec.of(DatasetFormat.COMPLETION_V1));
        properties.validation().skills().forEach(skill -> register(DatasetSpec.skill(skill)));
    }

    private void register(DatasetSpec spec) {
        specs.put(spec.name(), spec);
    }

    public List<DatasetSpec> all() {
        return List.copyOf(specs.values());
    }

    public Optional<DatasetSpec> byName(String name) {
        return Optional.ofNullable(specs.get(name));
    }

    /** The spec a JSON object's keys say it is, or a reason why none fits. */
    SpecMatch match(JsonNode object) {
        Set<String> keys = Set.copyOf(object.propertyNames());
        if (keys.equals(CHAT_KEYS)) {
            return SpecMatch.of(specs.get(DatasetFormat.CHAT_SFT_V1.specName()));
        }
        if (keys.equals(COMPLETION_KEYS)) {
            return SpecMatch.of(specs.get(DatasetFormat.COMPLETION_V1.specName()));
        }
        if (keys.equals(SKILL_KEYS)) {
            JsonNode skill = object.get("skill");
            if (!skill.isString()) {
                return SpecMatch.none("\"skill\" must be a string");
            }
            DatasetSpec spec = specs.get(DatasetSpec.skill(skill.asString()).name());
            return spec == null
                    ? SpecMatch.none("skill '" + skill.asString() + "' has no registered spec")
                    : SpecMatch.of(spec);
        }
        return SpecMatch.none(
                "keys " + keys.stream().sorted().toList() + " match no registered spec " + specs.keySet());
    }

    /** A spec, or why there is none. */
    record SpecMatch(DatasetSpec spec, String reason) {
        static SpecMatch of(DatasetSpec spec) {
            return new SpecMatch(spec, null);
        }

        static SpecMatch none(String reason) {
            return new SpecMatch(null, reason);
        }
    }
}
