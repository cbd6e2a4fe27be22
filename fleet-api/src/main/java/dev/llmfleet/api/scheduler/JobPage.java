package dev.llmfleet.api.scheduler;

import java.util.List;

/** One page of a job listing, in queue order (priority, then position). */
public record JobPage(List<JobResponse> jobs, int page, int size, long totalJobs) {

    public JobPage {
        jobs = List.copyOf(jobs);
    }
}
