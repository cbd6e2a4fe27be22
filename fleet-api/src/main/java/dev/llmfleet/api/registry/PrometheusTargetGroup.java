package dev.llmfleet.api.registry;

import java.util.List;
import java.util.Map;

/** One entry of Prometheus' HTTP service discovery format ({@code http_sd_configs}). */
public record PrometheusTargetGroup(List<String> targets, Map<String, String> labels) {}
