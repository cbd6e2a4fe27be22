package dev.llmfleet.trainer.dataset;

import dev.llmfleet.api.error.FleetException;

public class DatasetNotFoundException extends FleetException {

    private DatasetNotFoundException(String message) {
        super(Kind.NOT_FOUND, "dataset-not-found", message);
    }

    public static DatasetNotFoundException forSha(String sha256) {
        return new DatasetNotFoundException("no dataset " + sha256);
    }

    public static DatasetNotFoundException forJob(java.util.UUID jobId) {
        return new DatasetNotFoundException("no dataset for job " + jobId);
    }
}
