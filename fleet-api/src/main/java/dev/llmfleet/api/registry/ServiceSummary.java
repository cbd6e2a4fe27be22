package dev.llmfleet.api.registry;

/** A service and how many of its instances are up and down. */
public record ServiceSummary(String serviceName, int up, int down) {}
