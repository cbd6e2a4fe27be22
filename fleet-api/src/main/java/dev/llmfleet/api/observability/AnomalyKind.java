package dev.llmfleet.api.observability;

/** The families of series the anomaly detector learns baselines for. */
public enum AnomalyKind {
    LOSS,
    THROUGHPUT,
    GPU_TEMPERATURE,
    GPU_MEMORY,
    ERROR_RATE,
    LATENCY
}
