package dev.llmfleet.api.inference;

/** The outcome of a hot reload: the model served before (null when none was) and the one served now. */
public record ReloadResult(ModelInfo previous, ModelInfo current, long tookMillis) {}
