package dev.llmfleet.api.lifecycle;

/**
 * How a consolidation ended. On failure nothing that existed before was changed or deleted:
 * {@code failedStep} and {@code message} say where and why, {@code version} is null.
 *
 * @param backup the id of the pre-consolidation backup (null when there was no current model)
 */
public record ConsolidationResult(
        boolean succeeded, VersionView version, ConsolidationStep failedStep, String message, String backup) {

    public static ConsolidationResult succeeded(VersionView version, String backup) {
        return new ConsolidationResult(true, version, null, null, backup);
    }

    public static ConsolidationResult failed(ConsolidationStep step, String message, String backup) {
        return new ConsolidationResult(false, null, step, message, backup);
    }
}
