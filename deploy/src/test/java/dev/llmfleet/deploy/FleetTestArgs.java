package dev.llmfleet.deploy;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Arguments that make an all-in-one fleet suitable for tests: free ports, a fast heartbeat, and the
 * orchestrator's closed loop off (it would generate data and train in the background of tests about
 * something else; {@code ClosedLoopEndToEndTest} turns it on).
 */
final class FleetTestArgs {

    static final Duration TTL = Duration.ofSeconds(3);

    private FleetTestArgs() {}

    static String[] fastRegistry(Path dataDir) {
        String[] base = withClosedLoop(dataDir);
        String[] args = java.util.Arrays.copyOf(base, base.length + 1);
        args[base.length] = "--fleet.orchestrator.pipeline.enabled=false";
        return args;
    }

    /** The same, with the orchestrator's closed loop running as it does by default. */
    static String[] withClosedLoop(Path dataDir) {
        return new String[] {
            "--server.port=0",
            "--fleet.data-dir=" + dataDir,
            "--fleet.registry.heartbeat-interval=500ms",
            "--fleet.registry.cache-ttl=200ms",
            "--fleet.orchestrator.registry.ttl=" + TTL.toMillis() + "ms",
            "--fleet.orchestrator.registry.evict-after=" + TTL.toMillis() + "ms",
            "--fleet.orchestrator.registry.sweep-interval=200ms",
            "--spring.main.banner-mode=off"
        };
    }
}
