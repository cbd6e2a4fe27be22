package dev.llmfleet.trainer.engine;

import java.nio.file.Path;

public record CheckpointSaved(long step, Path directory, boolean best) {}
