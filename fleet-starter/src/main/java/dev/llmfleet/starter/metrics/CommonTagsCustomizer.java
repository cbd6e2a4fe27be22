package dev.llmfleet.starter.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;

/** Tags every meter with the service and host it comes from, so one Prometheus sees the whole fleet. */
public class CommonTagsCustomizer implements MeterRegistryCustomizer<MeterRegistry> {

    private final String service;
    private final String host;

    public CommonTagsCustomizer(String service, String host) {
        this.service = service;
        this.host = host;
    }

    @Override
    public void customize(MeterRegistry registry) {
        registry.config().commonTags("service", service, "host", host);
    }
}
