package dev.llmfleet.inference.openai;

import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code GET /v1/models}: the models this host serves (one: the current version under its stable name). */
record ModelList(String object, List<Model> data) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Model(String id, String object, long created, String ownedBy) {}
}
