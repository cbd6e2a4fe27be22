package dev.llmfleet.api.scheduler;

import java.util.List;
import java.util.Map;

/**
 * The queue at a glance.
 *
 * @param counts how many jobs per priority and state
 * @param processing the jobs leased or running now
 * @param recentlyCompleted the last jobs that completed, newest first
 */
public record QueueStatus(
        Map<JobPriority, Map<JobState, Long>> counts,
        List<JobResponse> processing,
        List<JobResponse> recentlyCompleted) {}
