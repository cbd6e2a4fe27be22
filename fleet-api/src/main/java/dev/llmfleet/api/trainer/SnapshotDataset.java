package dev.llmfleet.api.trainer;

/** A dataset that has evolution snapshots. */
public record SnapshotDataset(String dataset, String name, int snapshots, long firstStep, long lastStep) {}
