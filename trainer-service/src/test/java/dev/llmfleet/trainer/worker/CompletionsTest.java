package dev.llmfleet.trainer.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.api.scheduler.CompleteJobRequest;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.scheduler.Lease;
import dev.llmfleet.api.trainer.DatasetStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;

/** A dataset is COMPLETED only when the scheduler accepted its run's completion. */
class CompletionsTest {

    static final CompleteJobRequest TRAINED = new CompleteJobRequest(null, "trained 20 steps");

    final Lease lease = ScriptedScheduler.lease(1_000);
    final AtomicInteger offers = new AtomicInteger();
    final List<Duration> pauses = new ArrayList<>();

    @Test
    void aCompletionOfferedAgainUntilTheSchedulerIsBackCompletesTheDataset() {
        Completions completions =
                completions(args -> offers.incrementAndGet() <= 2 ? unreachable() : lease.job(), args -> lease.job());

        Completions.Settled settled = completions.complete(lease, TRAINED);

        assertThat(settled.status()).isEqualTo(DatasetStatus.COMPLETED);
        assertThat(offers).hasValue(3);
        assertThat(pauses).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    }

    @Test
    void aCompletionTheSchedulerRefusesLeavesTheDatasetQueuedForTheJobsNextLease() {
        Completions completions = completions(
                args -> {
                    offers.incrementAndGet();
                    throw HttpClientErrorException.create(
                            HttpStatus.CONFLICT, "Conflict", HttpHeaders.EMPTY, null, null);
                },
                args -> ScriptedScheduler.job(lease.jobId(), JobState.QUEUED));

        Completions.Settled settled = completions.complete(lease, TRAINED);

        assertThat(settled.status()).isEqualTo(DatasetStatus.QUEUED);
        assertThat(settled.reason()).contains("refused").contains("runs again from its final checkpoint");
        assertThat(offers).as("a refusal is final").hasValue(1);
    }

    @Test
    void aSchedulerThatNeverAnswersLeavesTheDatasetQueuedAfterTheLastOffer() {
        Completions completions = completions(
                args -> {
                    offers.incrementAndGet();
                    return unreachable();
                },
                args -> unreachable());

        Completions.Settled settled = completions.complete(lease, TRAINED);

        assertThat(settled.status()).isEqualTo(DatasetStatus.QUEUED);
        assertThat(settled.reason()).contains("could not be told");
        assertThat(offers).hasValue(4);
        assertThat(pauses).hasSize(3);
    }

    @Test
    void aCompletionWhoseFirstAnswerWasLostIsCompletedWhenTheSchedulerHasTheJobCompleted() {
        Completions completions = completions(
                args -> {
                    if (offers.incrementAndGet() == 1) {
                        return unreachable(); // taken, but the answer never came
                    }
                    throw HttpClientErrorException.create(
                            HttpStatus.CONFLICT, "Conflict", HttpHeaders.EMPTY, null, null);
                },
                args -> ScriptedScheduler.job(lease.jobId(), JobState.COMPLETED));

        assertThat(completions.complete(lease, TRAINED).status()).isEqualTo(DatasetStatus.COMPLETED);
    }

    private Completions completions(Function<Object[], Object> complete, Function<Object[], Object> get) {
        return new Completions(
                ScriptedScheduler.answering(Map.of("complete", complete, "get", get)),
                4,
                Duration.ofMillis(10),
                pauses::add);
    }

    private static Object unreachable() {
        throw new ResourceAccessException("I/O error on POST: Connection refused");
    }
}
