package dev.llmfleet.api.inference;

/** One file of a model version: its name inside the version folder, its size and its SHA-256 (hex). */
public record VersionFile(String path, long size, String sha256) {}
