package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.trainer.DatasetView;
import dev.llmfleet.orchestrator.coordinator.CoordinatorException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Gives every TRAINING job the scheduler knows a pipeline run: a generated dataset's run takes its
 * job once the trainer has queued it; a job for data people brought gets a new run, with the
 * dataset's name and skill from the trainer (and its level when the name is a curriculum one).
 */
@Service
class JobDiscovery {

    private static final String SHA_PREFIX = "sha256:";
    private static final Pattern CURRICULUM_NAME = Pattern.compile("curriculum-([a-z0-9_]+)-L(\\d+)-\\d+\\.jsonl");

    private final PipelineCalls calls;
    private final PipelineRunRepository runs;
    private final Clock clock;

    JobDiscovery(PipelineCalls calls, PipelineRunRepository runs, Clock clock) {
        this.calls = calls;
        this.runs = runs;
        this.clock = clock;
    }

    /** One pass; answers how many jobs were new to the pipeline. Throws when the scheduler cannot be reached. */
    int discover() {
        List<JobResponse> jobs = calls.trainingJobs();
        if (jobs.isEmpty()) {
            return 0;
        }
        Set<UUID> known = runs
                .findKnownJobIds(jobs.stream().map(JobResponse::id).toList())
                .stream()
                .collect(Collectors.toSet());
        int found = 0;
        for (JobResponse job : jobs) {
            if (!known.contains(job.id())) {
                take(job);
                found++;
            }
        }
        return found;
    }

    private void take(JobResponse job) {
        String dataset = datasetOf(job.payloadRef());
        Optional<PipelineRun> waiting = runs.findFirstByDatasetAndJobIdIsNullOrderByCreatedAtAsc(dataset);
        if (waiting.isPresent()) {
            PipelineRun run = waiting.get();
            run.attachJob(job.id(), clock.instant());
            runs.save(run);
            return;
        }
        DatasetView info = describe(job.payloadRef(), dataset);
        String name = info == null ? null : info.name();
        Matcher curriculum = name == null ? null : CURRICULUM_NAME.matcher(name);
        boolean generated = curriculum != null && curriculum.matches();
        String skill = generated ? curriculum.group(1) : info == null ? null : info.skill();
        Integer level = generated ? Integer.valueOf(curriculum.group(2)) : null;
        runs.save(PipelineRun.discovered(dataset, name, skill, level, generated, job.id(), clock.instant()));
    }

    /** The trainer's view of the dataset; null when the trainer cannot say (the run is made anyway). */
    private DatasetView describe(String payloadRef, String dataset) {
        if (payloadRef == null || !payloadRef.startsWith(SHA_PREFIX)) {
            return null;
        }
        try {
            return calls.dataset(dataset);
        } catch (CoordinatorException e) {
            return null;
        }
    }

    static String datasetOf(String payloadRef) {
        if (payloadRef == null) {
            return "";
        }
        return payloadRef.startsWith(SHA_PREFIX) ? payloadRef.substring(SHA_PREFIX.length()) : payloadRef;
    }
}
