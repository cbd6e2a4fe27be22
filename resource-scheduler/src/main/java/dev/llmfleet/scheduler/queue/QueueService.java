package dev.llmfleet.scheduler.queue;

import dev.llmfleet.api.scheduler.ChangePriorityRequest;
import dev.llmfleet.api.scheduler.JobActionRequest;
import dev.llmfleet.api.scheduler.JobHistoryEntry;
import dev.llmfleet.api.scheduler.JobPage;
import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.scheduler.QueueStatus;
import dev.llmfleet.api.scheduler.SubmitJobRequest;
import dev.llmfleet.api.scheduler.VramEstimate;
import dev.llmfleet.scheduler.vram.VramService;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fleet's job queue as its users see it: submit, look, reorder, pause, resume, skip, cancel,
 * retry. Every change is committed with its history row before the caller hears of it.
 */
@Service
public class QueueService {

    private final JobRepository jobs;
    private final JobHistoryRepository history;
    private final JobJournal journal;
    private final VramService vram;
    private final QueueContext context;

    QueueService(
            JobRepository jobs,
            JobHistoryRepository history,
            JobJournal journal,
            VramService vram,
            QueueContext context) {
        this.jobs = jobs;
        this.history = history;
        this.journal = journal;
        this.vram = vram;
        this.context = context;
    }

    @Transactional
    public JobResponse submit(SubmitJobRequest request) {
        Long formulaMb = null;
        long requiredMb;
        if (request.profile() != null) {
            VramEstimate estimate = vram.estimate(request.profile());
            formulaMb = estimate.formulaMb();
            requiredMb = request.requiredVramMb() != null ? request.requiredVramMb() : estimate.estimatedMb();
        } else {
            requiredMb = request.requiredVramMb();
        }
        String model = request.model() != null
                ? request.model()
                : request.profile() == null ? null : request.profile().model();
        int maxAttempts = request.maxAttempts() != null
                ? request.maxAttempts()
                : context.settings().queue().defaultMaxAttempts();
        Job job = new Job(
                new Job.NewJob(
                        request.kind(),
                        request.priority(),
                        request.payloadRef(),
                        model,
                        requiredMb,
                        formulaMb,
                        request.submittedBy(),
                        request.host(),
                        request.deviceUuid(),
                        maxAttempts,
                        request.settings()),
                jobs.nextQueuePosition(),
                context.clock().instant());
        journal.save(job);
        context.submitted(request.kind(), request.priority());
        context.events().publishEvent(new QueueChanged("submitted"));
        return job.toResponse();
    }

    @Transactional(readOnly = true)
    public JobResponse get(UUID id) {
        return jobs.findById(id)
                .orElseThrow(() -> JobNotFoundException.forId(id))
                .toResponse();
    }

    /** Jobs in queue order; {@code host} matches the job's constraint or the host it is leased to. */
    @Transactional(readOnly = true)
    public JobPage list(JobState state, JobPriority priority, String host, int page, int size) {
        int pageSize = Math.min(Math.max(size, 1), context.settings().queue().maxPageSize());
        Specification<Job> filter = Specification.unrestricted();
        if (state != null) {
            filter = filter.and((root, query, cb) -> cb.equal(root.get("state"), state));
        }
        if (priority != null) {
            filter = filter.and((root, query, cb) -> cb.equal(root.get("priority"), priority));
        }
        if (host != null && !host.isBlank()) {
            filter = filter.and((root, query, cb) ->
                    cb.or(cb.equal(root.get("hostConstraint"), host), cb.equal(root.get("leasedHost"), host)));
        }
        Page<Job> found = jobs.findAll(
                filter, PageRequest.of(Math.max(page, 0), pageSize, Sort.by("priorityRank", "queuePosition")));
        return new JobPage(
                found.map(Job::toResponse).getContent(), found.getNumber(), pageSize, found.getTotalElements());
    }

    @Transactional(readOnly = true)
    public List<JobHistoryEntry> history(UUID id) {
        if (!jobs.existsById(id)) {
            throw JobNotFoundException.forId(id);
        }
        return history.findByJobIdOrderByIdAsc(id).stream()
                .map(JobHistory::toEntry)
                .toList();
    }

    @Transactional
    public JobResponse changePriority(UUID id, ChangePriorityRequest request) {
        return change(id, job -> job.changePriority(request.priority(), request.by(), request.reason(), now()));
    }

    @Transactional
    public JobResponse cancel(UUID id, JobActionRequest request) {
        return change(id, job -> job.cancel(request.by(), request.reason(), now()));
    }

    @Transactional
    public JobResponse skip(UUID id, JobActionRequest request) {
        return change(id, job -> job.skip(request.by(), request.reason(), jobs.nextQueuePosition(), now()));
    }

    @Transactional
    public JobResponse pause(UUID id, JobActionRequest request) {
        return change(id, job -> job.pause(request.by(), request.reason(), now()));
    }

    @Transactional
    public JobResponse resume(UUID id, JobActionRequest request) {
        return change(id, job -> job.resume(request.by(), request.reason(), now()));
    }

    @Transactional
    public JobResponse retry(UUID id, JobActionRequest request) {
        return change(id, job -> job.retry(request.by(), request.reason(), now()));
    }

    @Transactional(readOnly = true)
    public QueueStatus status() {
        Map<JobPriority, Map<JobState, Long>> counts = new EnumMap<>(JobPriority.class);
        for (JobPriority priority : JobPriority.values()) {
            Map<JobState, Long> byState = new EnumMap<>(JobState.class);
            for (JobState state : JobState.values()) {
                byState.put(state, 0L);
            }
            counts.put(priority, byState);
        }
        for (Object[] row : jobs.countByPriorityAndState()) {
            counts.get((JobPriority) row[0]).put((JobState) row[1], (Long) row[2]);
        }
        List<JobResponse> processing =
                jobs.findByStateInOrderByLeasedAt(List.of(JobState.LEASED, JobState.RUNNING)).stream()
                        .map(Job::toResponse)
                        .toList();
        List<JobResponse> recent = jobs
                .findByStateOrderByFinishedAtDesc(
                        JobState.COMPLETED, Limit.of(context.settings().queue().recentlyCompleted()))
                .stream()
                .map(Job::toResponse)
                .toList();
        return new QueueStatus(counts, processing, recent);
    }

    /** The job leased on each busy device, by device UUID. */
    @Transactional(readOnly = true)
    public Map<String, UUID> jobsByDevice() {
        Map<String, UUID> byDevice = new HashMap<>();
        jobs.findByStateInOrderByLeasedAt(List.of(JobState.LEASED, JobState.RUNNING))
                .forEach(job -> byDevice.put(job.leasedDevice(), job.id()));
        return byDevice;
    }

    private JobResponse change(UUID id, Consumer<Job> move) {
        Job job = jobs.lockById(id).orElseThrow(() -> JobNotFoundException.forId(id));
        move.accept(job);
        journal.save(job);
        context.events().publishEvent(new QueueChanged("job " + id + " is " + job.state()));
        return job.toResponse();
    }

    private Instant now() {
        return context.clock().instant();
    }
}
