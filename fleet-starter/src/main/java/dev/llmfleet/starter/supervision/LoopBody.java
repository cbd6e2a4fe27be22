package dev.llmfleet.starter.supervision;

/**
 * What a supervised thread runs. It should loop until {@link SupervisedLoop#stopping()} says so;
 * returning early, or throwing anything, while the loop is not stopping counts as a crash.
 */
@FunctionalInterface
public interface LoopBody {

    void run(SupervisedLoop loop) throws Exception;
}
