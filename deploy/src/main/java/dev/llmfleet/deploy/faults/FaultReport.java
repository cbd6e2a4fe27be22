package dev.llmfleet.deploy.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a fault-injection run did and found.
 *
 * @param killsByPoint how many kills landed at each point (a held life whose point never came is
 *     killed at a random moment and counts as {@link KillPoint#TRAINING})
 * @param violations one line per broken invariant; the goal is none
 * @param deployed whether the closed loop had a model deployed at the end
 */
public record FaultReport(
        int kills,
        int restarts,
        int checks,
        List<String> violations,
        Map<KillPoint, Integer> killsByPoint,
        int datasetsCompleted,
        int versions,
        boolean deployed,
        Duration wallTime) {

    public FaultReport {
        violations = List.copyOf(violations);
        killsByPoint = Map.copyOf(killsByPoint);
    }

    /** The one line the test and the benchmark print. */
    public String line() {
        return "[fault-injection] kills=%d restarts=%d checks=%d violations=%d byPoint=%s datasetsCompleted=%d versions=%d deployed=%s wall=%ds"
                .formatted(
                        kills,
                        restarts,
                        checks,
                        violations.size(),
                        new java.util.TreeMap<>(killsByPoint),
                        datasetsCompleted,
                        versions,
                        deployed,
                        wallTime.toSeconds());
    }
}
