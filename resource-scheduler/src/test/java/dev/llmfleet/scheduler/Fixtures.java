package dev.llmfleet.scheduler;

import dev.llmfleet.api.scheduler.DeviceInfo;
import dev.llmfleet.api.scheduler.DeviceReport;
import dev.llmfleet.api.scheduler.JobActionRequest;
import dev.llmfleet.api.scheduler.JobKind;
import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.scheduler.SubmitJobRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Object Mother of the scheduler's tests. */
public final class Fixtures {

    private Fixtures() {}

    public static SubmitJobRequest training(String payload, JobPriority priority, long vramMb) {
        return SubmitJobRequest.of(JobKind.TRAINING, priority, payload, vramMb, "alice");
    }

    public static SubmitJobRequest training(String payload, JobPriority priority, long vramMb, int maxAttempts) {
        return new SubmitJobRequest(
                JobKind.TRAINING, priority, payload, null, vramMb, null, "alice", null, null, maxAttempts, null);
    }

    public static SubmitJobRequest pinned(String payload, long vramMb, String host, String deviceUuid) {
        return new SubmitJobRequest(
                JobKind.TRAINING,
                JobPriority.NORMAL,
                payload,
                null,
                vramMb,
                null,
                "alice",
                host,
                deviceUuid,
                null,
                null);
    }

    /** A training job described by its run settings, as the trainer submits one. */
    public static SubmitJobRequest training(String payload, long vramMb, Map<String, Object> settings) {
        return new SubmitJobRequest(
                JobKind.TRAINING, JobPriority.NORMAL, payload, null, vramMb, null, "alice", null, null, null, settings);
    }

    /**
     * Run settings in the trainer's shape, keys deliberately out of alphabetical order, with a
     * nested object, a list, a fraction and a null.
     */
    public static Map<String, Object> runSettings() {
        Map<String, Object> lora = new LinkedHashMap<>();
        lora.put("rank", 8);
        lora.put("alpha", 16.0);
        lora.put("dropout", 0.05);
        lora.put("targets", List.of("q_proj", "v_proj"));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("base", "deployed");
        settings.put("method", "lora");
        settings.put("lora", lora);
        settings.put("learningRate", 0.001);
        settings.put("schedule", "cosine");
        settings.put("maxSteps", 200);
        settings.put("epochs", null);
        settings.put("seed", 1);
        return settings;
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
