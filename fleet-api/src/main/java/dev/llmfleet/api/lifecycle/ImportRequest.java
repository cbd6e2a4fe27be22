package dev.llmfleet.api.lifecycle;

/**
 * Asks the trainer host to make a Hugging Face model folder a version.
 *
 * @param path the folder, under one of the host's import roots; a relative path is taken from the first root
 * @param description what the version is, shown beside it
 */
public record ImportRequest(String path, String description) {}
