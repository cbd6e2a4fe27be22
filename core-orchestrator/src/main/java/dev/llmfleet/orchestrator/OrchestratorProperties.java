package dev.llmfleet.orchestrator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of core-orchestrator ({@code fleet.orchestrator.*}).
 *
 * @param registry how the service registry judges its instances
 * @param curriculum when skills advance and how much data they generate
 * @param coordinator the time limit, retries and circuit breaker of every call to another service
 * @param pipeline the closed loop: data generation, evaluation, ranking, promotion
 * @param twin how the digital twin is refreshed and how reconciliation acts on its drift
 * @param deployment how deployments are driven, verified and given up on
 */
@Validated
@ConfigurationProperties("fleet.orchestrator")
public record OrchestratorProperties(
        @Valid @NotNull @DefaultValue Registry registry,
        @Valid @NotNull @DefaultValue Curriculum curriculum,
        @Valid @NotNull @DefaultValue Coordinator coordinator,
        @Valid @NotNull @DefaultValue Pipeline pipeline,
        @Valid @NotNull @DefaultValue Twin twin,
        @Valid @NotNull @DefaultValue Deployment deployment) {

    /**
     * @param timeout the longest one call may take
     * @param attempts tries per call, the first included
     * @param backoff the wait before the first retry; it doubles for each one after
     * @param breakerWindow calls the breaker judges the failure rate over
     * @param breakerFailureRate the failure percentage that opens the breaker
     * @param breakerOpenFor how long an open breaker refuses calls before it lets one through
     */
    public record Coordinator(
            @NotNull @DefaultValue("30s") Duration timeout,
            @Min(1) @DefaultValue("3") int attempts,
            @NotNull @DefaultValue("200ms") Duration backoff,
            @Min(1) @DefaultValue("10") int breakerWindow,

            @DecimalMin("1") @DecimalMax("100") @DefaultValue("50")
            float breakerFailureRate,

            @NotNull @DefaultValue("10s") Duration breakerOpenFor) {}

    /**
     * @param ttl how long an instance stays UP without a heartbeat (3 beats of 5 s)
     * @param evictAfter how long a DOWN instance is kept before it is removed
     * @param sweepInterval how often the registry looks for silent instances
     * @param flushInterval how often heartbeat times are written to the database
     * @param massLossRatio above this share of instances going silent at once, none are marked
     *     down: the registry itself has probably been cut off
     * @param massLossGrace how long such a mass loss is doubted before it is believed
     */
    public record Registry(
            @NotNull @DefaultValue("15s") Duration ttl,
            @NotNull @DefaultValue("15s") Duration evictAfter,
            @NotNull @DefaultValue("1s") Duration sweepInterval,
            @NotNull @DefaultValue("1s") Duration flushInterval,

            @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.5")
            double massLossRatio,

            @NotNull @DefaultValue("5m") Duration massLossGrace) {}

    /**
     * @param passAccuracy the accuracy an evaluation needs to count as a pass
     * @param passesToAdvance how many passes in a row advance a skill a level
     * @param activeSkills the skills the fleet is teaching
     * @param validationSize how many questions a level's validation suite holds
     * @param batchSize how many examples one generated training file holds
     * @param reviewShare the share of a generated file asked from the levels below the current one
     * @param awaitJudgement a skill's next file is generated only once the run of the one before has
     *     been judged (and its candidate deployed when it won), so every file asks the skill's level
     *     of the moment and trains from the model the one before made; false generates ahead of the
     *     judgement, to keep a queue of files waiting
     */
    public record Curriculum(
            @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.8")
            double passAccuracy,

            @Min(1) @DefaultValue("3") int passesToAdvance,
            @NotEmpty @DefaultValue("arithmetic") List<String> activeSkills,
            @Min(1) @DefaultValue("50") int validationSize,
            @Min(1) @DefaultValue("400") int batchSize,

            @DecimalMin("0.0") @DecimalMax("0.9") @DefaultValue("0.25")
            double reviewShare,

            @DefaultValue("true") boolean awaitJudgement) {}

    /**
     * @param enabled false turns every loop of the pipeline off (generation, discovery, the steps)
     * @param generate whether the curriculum generates training data when too few jobs wait
     * @param minWaiting data is generated while fewer TRAINING jobs than this wait in the queue
     * @param interval how often the pipeline's loop runs
     * @param retryBackoff the wait after a step's first failed call; it doubles with each failure
     * @param maxBackoff the longest wait between two tries of a step
     * @param maxNewTokens the longest answer an evaluation generates
     * @param evaluationVramMb the device memory an evaluation job asks the scheduler for
     * @param accuracyWeight the weight of suite accuracy in the composite score
     * @param lossWeight the weight of validation loss in the composite score (subtracted)
     * @param gapWeight the weight of a positive train/validation gap in the score (subtracted)
     * @param regressionThreshold a candidate whose validation loss is worse than the best so far on
     *     the same suites by more than this share is a regression
     * @param promotionMargin how much a candidate's score must exceed the deployed one's
     */
    public record Pipeline(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("true") boolean generate,
            @Min(1) @DefaultValue("2") int minWaiting,
            @NotNull @DefaultValue("5s") Duration interval,
            @NotNull @DefaultValue("5s") Duration retryBackoff,
            @NotNull @DefaultValue("5m") Duration maxBackoff,
            @Min(1) @DefaultValue("16") int maxNewTokens,
            @Min(1) @DefaultValue("512") long evaluationVramMb,
            @DecimalMin("0.0") @DefaultValue("1.0") double accuracyWeight,
            @DecimalMin("0.0") @DefaultValue("0.1") double lossWeight,
            @DecimalMin("0.0") @DefaultValue("0.1") double gapWeight,
            @DecimalMin("0.0") @DefaultValue("0.15") double regressionThreshold,
            @DecimalMin("0.0") @DefaultValue("0.0") double promotionMargin) {}

    /**
     * @param refreshInterval how often the twin is read from the fleet
     * @param staleAfter a snapshot older than this is read again before it is served
     * @param reconcileInterval how often reconciliation looks at the drift
     * @param reconcileBackoff the wait after reconciling a host before it is tried again; it doubles
     *     with each failure
     * @param reconcileMaxBackoff the longest such wait
     */
    public record Twin(
            @NotNull @DefaultValue("5s") Duration refreshInterval,
            @NotNull @DefaultValue("15s") Duration staleAfter,
            @NotNull @DefaultValue("5s") Duration reconcileInterval,
            @NotNull @DefaultValue("10s") Duration reconcileBackoff,
            @NotNull @DefaultValue("5m") Duration reconcileMaxBackoff) {}

    /**
     * @param interval how often the deployment loop looks for work
     * @param stepDeadline how long one step (load, verify) may keep failing before the deployment
     *     rolls back
     * @param retryBackoff the wait before a failed step is tried again; it doubles each time
     * @param retryMaxBackoff the longest such wait
     * @param lease how long a deployment stays with the orchestrator driving it without a word from
     *     it; another one (a restart after a crash) takes it over after that
     * @param smokePrompt the prompt of the test generation every host must answer
     * @param smokeMaxTokens the length of that answer
     */
    public record Deployment(
            @NotNull @DefaultValue("1s") Duration interval,
            @NotNull @DefaultValue("2m") Duration stepDeadline,
            @NotNull @DefaultValue("1s") Duration retryBackoff,
            @NotNull @DefaultValue("15s") Duration retryMaxBackoff,
            @NotNull @DefaultValue("2m") Duration lease,
            @NotEmpty @DefaultValue("Say hello.") String smokePrompt,
            @Min(1) @DefaultValue("8") int smokeMaxTokens) {}
}
