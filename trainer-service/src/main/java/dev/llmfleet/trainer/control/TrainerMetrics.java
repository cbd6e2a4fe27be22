package dev.llmfleet.trainer.control;

import dev.llmfleet.api.trainer.TrainerState;
import dev.llmfleet.api.trainer.TrainerStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/** {@code fleet.trainer.*} gauges, read from the live status: step, loss, validation loss, gap, pace, ETA, state. */
@Component
class TrainerMetrics implements MeterBinder {

    private final TrainerControlService control;

    TrainerMetrics(TrainerControlService control) {
        this.control = control;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "fleet.trainer.step", "the last completed step of the current run", TrainerStatus::step);
        gauge(registry, "fleet.trainer.total.steps", "the steps the current run takes", TrainerStatus::totalSteps);
        gauge(registry, "fleet.trainer.loss", "training loss of the last step", s -> orNaN(s.loss()));
        gauge(
                registry,
                "fleet.trainer.validation.loss",
                "validation loss of the last evaluation",
                s -> orNaN(s.validationLoss()));
        gauge(
                registry,
                "fleet.trainer.gap",
                "validation minus training loss at the last evaluation",
                s -> orNaN(s.gap()));
        gauge(
                registry,
                "fleet.trainer.tokens.per.second",
                "training throughput of the last step",
                s -> orNaN(s.tokensPerSecond()));
        gauge(
                registry,
                "fleet.trainer.eta.seconds",
                "time the current run still needs",
                s -> s.etaSeconds() == null ? Double.NaN : s.etaSeconds());
        for (TrainerState state : TrainerState.values()) {
            Gauge.builder("fleet.trainer.state", control, c -> c.status().state() == state ? 1 : 0)
                    .description("1 for the worker's current state")
                    .tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry);
        }
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<TrainerStatus> read) {
        Gauge.builder(name, control, c -> read.applyAsDouble(c.status()))
                .description(description)
                .register(registry);
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
