package dev.llmfleet.benchmarks.model;

import dev.llmfleet.api.scheduler.Optimizer;
import dev.llmfleet.api.scheduler.Precision;
import dev.llmfleet.api.scheduler.VramEstimate;
import dev.llmfleet.api.scheduler.VramEstimateRequest;
import dev.llmfleet.scheduler.SchedulerProperties;
import dev.llmfleet.scheduler.vram.VramService;
import dev.llmfleet.trainer.run.ModelShape;
import java.time.Clock;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * What resource-scheduler estimates for GPU runs of a model, through its own {@link VramService}
 * with its default settings, next to what the seed system measured for Qwen3-0.6B on an RTX 4090.
 */
final class SchedulerVramFigures {

    private static final int SEQUENCE = 512;

    private SchedulerVramFigures() {}

    static void print(ModelShape shape, long loraParameters) {
        SchedulerProperties defaults = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("fleet.scheduler", SchedulerProperties.class);
        // A request without a model name gets the bare formula: the service never reads its
        // observation repository then, so it needs none here.
        VramService scheduler = new VramService(null, defaults, Clock.systemUTC());
        System.out.printf(
                "%nresource-scheduler VRAM estimate (VramService, default overhead %d MiB), %,d parameters,"
                        + " %d layers, hidden %d, AdamW, sequence %d:%n",
                defaults.vram().overheadMb(), shape.parameters(), shape.layers(), shape.hiddenSize(), SEQUENCE);
        System.out.printf(
                "%-6s %-5s %5s %12s %8s %8s %10s %11s %9s %9s  %s%n",
                "mode",
                "prec",
                "batch",
                "trainable",
                "weights",
                "grads",
                "optimizer",
                "activations",
                "total MiB",
                "total GiB",
                "seed system, RTX 4090");
        row(scheduler, shape, "full", Precision.BF16, 16, null, "~14 GB measured");
        row(scheduler, shape, "full", Precision.BF16, 30, null, "~21 GB measured");
        row(scheduler, shape, "lora", Precision.BF16, 16, loraParameters, "");
        // What trainer-service itself asks for: it trains in float32 (TrainingPlan.vramProfile).
        row(scheduler, shape, "full", Precision.FP32, 16, null, "");
        row(scheduler, shape, "full", Precision.FP32, 30, null, "");
        row(scheduler, shape, "lora", Precision.FP32, 16, loraParameters, "");
    }

    private static void row(
            VramService scheduler,
            ModelShape shape,
            String mode,
            Precision precision,
            int batch,
            Long trainable,
            String measured) {
        VramEstimate estimate = scheduler.estimate(new VramEstimateRequest(
                null,
                shape.parameters(),
                batch,
                SEQUENCE,
                precision,
                Optimizer.ADAMW,
                trainable,
                shape.layers(),
                shape.hiddenSize()));
        System.out.printf(
                "%-6s %-5s %5d %,12d %8d %8d %10d %11d %9d %9.1f  %s%n",
                mode,
                precision,
                batch,
                trainable == null ? shape.parameters() : trainable,
                estimate.weightsMb(),
                estimate.gradientsMb(),
                estimate.optimizerMb(),
                estimate.activationsMb(),
                estimate.formulaMb(),
                estimate.formulaMb() / 1024.0,
                measured);
    }
}
