package dev.llmfleet.scheduler;

import dev.llmfleet.api.scheduler.DeviceInfo;
import dev.llmfleet.api.scheduler.DeviceReport;
import dev.llmfleet.api.scheduler.JobActionRequest;
import dev.llmfleet.api.scheduler.JobKind;
import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.scheduler.SubmitJobRequest;
import java.util.List;

/** Object Mother of the scheduler's tests. */
public final class Fixtures {

    private Fixtures() {}

    public static SubmitJobRequest training(String payload, JobPriority priority, long vramMb) {
        return SubmitJobRequest.of(JobKind.TRAINING, priority, payload, vramMb, "alice");
    }

    public static SubmitJobRequest training(String payload, JobPriority priority, long vramMb, int maxAttempts) {
        return new SubmitJobRequest(
                JobKind.TRAINING, priority, payload, null, vramMb, null, "alice", null, null, maxAttempts);
    }

    public static SubmitJobRequest pinned(String payload, long vramMb, String host, String deviceUuid) {
        return new SubmitJobRequest(
                JobKind.TRAINING, JobPriority.NORMAL, payload, null, vramMb, null, "alice", host, deviceUuid, null);
    }

    public static DeviceInfo gpu(int index, String uuid, long totalMb, long freeMb) {
        return new DeviceInfo(index, uuid, "NVIDIA GeForce RTX 4090", totalMb, freeMb, 0, 35);
    }

    public static DeviceReport report(DeviceInfo... devices) {
        return new DeviceReport(List.of(devices));
    }

    public static JobActionRequest by(String who) {
        return new JobActionRequest(who, "because " + who + " said so");
    }
}
