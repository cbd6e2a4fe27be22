package dev.llmfleet.deploy.faults;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings for a fleet that is killed over and over: services that notice a dead trainer in
 * seconds (short registry and device times), jobs with the default three attempts (a kill must not
 * use one up), a tiny model trained in short runs with frequent
 * checkpoints, and the orchestrator's loop on (evaluate, consolidate, deploy) without generating
 * data of its own: the driver brings the datasets.
 */
final class CrashFleetArgs {

    private CrashFleetArgs() {}

    static List<String> of(Path dataDir, int maxSteps) {
        List<String> args = new ArrayList<>(List.of(
                "--fleet.data-dir=" + dataDir,
                "--spring.main.banner-mode=off",
                "--fleet.security.enabled=false", // not about security
                "--springdoc.api-docs.enabled=false", // nor the API documents; the trainer restarts faster without
                "--fleet.registry.heartbeat-interval=500ms",
                "--fleet.registry.cache-ttl=200ms",
                "--fleet.orchestrator.registry.ttl=3000ms",
                "--fleet.orchestrator.registry.evict-after=3000ms",
                "--fleet.orchestrator.registry.sweep-interval=200ms",
                "--fleet.orchestrator.pipeline.enabled=true",
                "--fleet.orchestrator.pipeline.generate=false",
                "--fleet.orchestrator.pipeline.interval=1s",
                "--fleet.orchestrator.pipeline.retry-backoff=1s",
                "--fleet.orchestrator.pipeline.max-backoff=5s",
                "--fleet.orchestrator.pipeline.max-new-tokens=4",
                "--fleet.orchestrator.deployment.interval=1s",
                "--fleet.orchestrator.curriculum.validation-size=8",
                // a candidate is judged against the deployed model rather than thrown out as a regression, so
                // that consolidations (a kill point) keep coming
                "--fleet.orchestrator.pipeline.regression-threshold=1.0",
                // a dead trainer's device goes stale before its lease runs out: the job is not leased to the dead
                // device again, and the expiry gives the attempt back. The restarted trainer releases what is
                // left. A lease long enough that a live trainer's late heartbeat on a busy machine keeps it.
                "--fleet.scheduler.leases.ttl=15s",
                "--fleet.scheduler.devices.stale-after=2s",
                "--fleet.scheduler.scheduling.tick=200ms",
                "--fleet.gpu.report-interval=500ms",
                "--fleet.trainer.inbox.poll-interval=200ms",
                "--fleet.trainer.inbox.stable-for=500ms",
                "--fleet.trainer.control.poll-interval=100ms",
                "--fleet.trainer.worker.poll-wait=2s",
                "--fleet.trainer.worker.retry-delay=500ms",
                "--fleet.trainer.training.batch-size=8",
                "--fleet.trainer.training.warmup-steps=2",
                "--fleet.trainer.training.intra-op-threads=1",
                "--fleet.trainer.training.max-steps=" + maxSteps,
                "--fleet.trainer.training.save-steps=5",
                "--fleet.trainer.training.eval-steps=" + maxSteps,
                "--fleet.trainer.snapshots.prompts=4",
                "--fleet.trainer.snapshots.max-new-tokens=4"));
        return args;
    }
}
