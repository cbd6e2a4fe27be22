package dev.llmfleet.scheduler.queue;

import org.springframework.stereotype.Component;

/** Saves a job together with the history rows of the moves it made, in the caller's transaction. */
@Component
class JobJournal {

    private final JobRepository jobs;
    private final JobHistoryRepository history;

    JobJournal(JobRepository jobs, JobHistoryRepository history) {
        this.jobs = jobs;
        this.history = history;
    }

    Job save(Job job) {
        Job saved = jobs.save(job);
        history.saveAll(job.takeTransitions().stream()
                .map(t -> new JobHistory(job.id(), t))
                .toList());
        return saved;
    }
}
