package dev.llmfleet.scheduler.device;

import dev.llmfleet.api.error.FleetException;

/** A device report that contradicts itself. */
public class InvalidDeviceReportException extends FleetException {

    private InvalidDeviceReportException(String message) {
        super(Kind.INVALID, "invalid-device-report", message);
    }

    public static InvalidDeviceReportException duplicateUuid(String host, String uuid) {
        return new InvalidDeviceReportException("Host " + host + " reported device " + uuid + " twice");
    }
}
