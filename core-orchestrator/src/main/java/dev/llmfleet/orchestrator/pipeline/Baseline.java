package dev.llmfleet.orchestrator.pipeline;

/**
 * The deployed model's standing on a candidate's suites.
 *
 * @param version the deployed version
 * @param score its composite score on the same suites; null when waiting or unavailable
 * @param waiting its evaluation on those suites is still running
 * @param detail how it was measured, or why it could not be
 */
record Baseline(String version, Double score, boolean waiting, String detail) {

    static Baseline ready(String version, double score, String detail) {
        return new Baseline(version, score, false, detail);
    }

    static Baseline waitingFor(String version, String detail) {
        return new Baseline(version, null, true, detail);
    }

    static Baseline unavailable(String version, String why) {
        return new Baseline(version, null, false, why);
    }
}
