package dev.llmfleet.inference.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** The readiness verdict as the actuator's {@code model} component, part of the readiness group ({@code /readyz}). */
@Component("model")
class ModelHealthIndicator implements HealthIndicator {

    private final ModelReadiness readiness;

    ModelHealthIndicator(ModelReadiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public Health health() {
        ModelReadiness.Verdict verdict = readiness.check();
        Health.Builder health = verdict.ready() ? Health.up() : Health.outOfService();
        health.withDetail("reason", verdict.reason());
        if (verdict.model() != null) {
            health.withDetail("version", verdict.model().version());
        }
        return health.build();
    }
}
