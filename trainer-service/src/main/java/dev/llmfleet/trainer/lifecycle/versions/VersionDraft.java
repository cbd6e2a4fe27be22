package dev.llmfleet.trainer.lifecycle.versions;

import java.util.List;
import java.util.Map;

/** What a consolidation knows about the version it is building, before it has a number. */
record VersionDraft(
        String description,
        String parent,
        String sourceCheckpoint,
        String trainingMode,
        List<String> datasets,
        Map<String, Double> metrics,
        Map<String, Double> evaluation,
        String createdBy) {}
