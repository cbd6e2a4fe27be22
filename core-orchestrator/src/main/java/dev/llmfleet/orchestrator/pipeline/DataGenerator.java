package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.orchestrator.SkillState;
import dev.llmfleet.api.trainer.DatasetView;
import dev.llmfleet.api.trainer.IntakeOutcome;
import dev.llmfleet.api.trainer.IntakeResult;
import dev.llmfleet.orchestrator.OrchestratorProperties;
import dev.llmfleet.orchestrator.curriculum.CurriculumService;
import dev.llmfleet.orchestrator.decision.DecisionLog;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Keeps the training queue fed: when fewer TRAINING jobs than {@code minWaiting} wait, one batch
 * per active skill at its current level is generated and uploaded to the trainer (which validates
 * it and queues its job), and the run is created at once. A skill whose last file's run is still
 * in the loop (training, being judged or deployed) gets no new file while the curriculum awaits
 * judgements (the default): the next file then asks the level the judgement left the skill at and
 * trains from the model it deployed. Nothing is generated when the scheduler
 * cannot say how many wait. A batch's seed follows from its skill, level and number, so an upload
 * whose answer was lost is sent again byte for byte and the trainer answers DUPLICATE with the same
 * dataset, instead of a second job being queued.
 */
@Service
class DataGenerator {

    private final PipelineCalls calls;
    private final CurriculumService curriculum;
    private final PipelineRunRepository runs;
    private final DecisionLog decisions;
    private final OrchestratorProperties.Pipeline settings;
    private final boolean awaitJudgement;
    private final Clock clock;
    /** After the trainer rejected generated data, generation pauses instead of repeating it every pass. */
    private volatile Instant pausedUntil = Instant.MIN;

    DataGenerator(
            PipelineCalls calls,
            CurriculumService curriculum,
            PipelineRunRepository runs,
            DecisionLog decisions,
            OrchestratorProperties properties,
            Clock clock) {
        this.calls = calls;
        this.curriculum = curriculum;
        this.runs = runs;
        this.decisions = decisions;
        this.settings = properties.pipeline();
        this.awaitJudgement = properties.curriculum().awaitJudgement();
        this.clock = clock;
    }

    /** Generates when too few jobs wait; answers the datasets uploaded. Throws when a call fails. */
    List<IntakeResult> generateIfNeeded() {
        if (!settings.generate() || clock.instant().isBefore(pausedUntil)) {
            return List.of();
        }
        long queued = calls.queuedTrainingJobs();
        long unqueued = runs.countByStepAndJobIdIsNull(PipelineStep.TRAINING);
        long waiting = queued + unqueued;
        if (waiting >= settings.minWaiting()) {
            return List.of();
        }
        List<IntakeResult> uploaded = new ArrayList<>();
        for (SkillState skill : curriculum.activeSkills()) {
            if (awaitJudgement && runs.existsBySkillAndGeneratedTrueAndStepIn(skill.skill(), PipelineStep.ACTIVE)) {
                continue; // its last file is still training or being judged
            }
            uploaded.add(generate(skill, queued, unqueued));
        }
        return uploaded;
    }

    private IntakeResult generate(SkillState skill, long queued, long unqueued) {
        long number = runs.countBySkillAndGeneratedTrue(skill.skill()) + 1;
        String name = "curriculum-%s-L%d-%d.jsonl".formatted(skill.skill(), skill.level(), number);
        long seed = (skill.skill().hashCode() * 31L + skill.level()) * 1_000_003L + number;
        String batch = curriculum.trainingBatch(skill.skill(), seed);
        IntakeResult result = calls.upload(name, batch.getBytes(StandardCharsets.UTF_8));
        DatasetView dataset = result.dataset();
        List<String> reasons = new ArrayList<>(List.of(
                "%d TRAINING jobs queued and %d datasets not yet queued, fewer than %d"
                        .formatted(queued, unqueued, settings.minWaiting()),
                "skill %s at level %d: %s".formatted(skill.skill(), skill.level(), skill.description()),
                batch.lines().count() + " examples"));
        if (result.outcome() == IntakeOutcome.REJECTED || dataset == null) {
            reasons.add("the trainer rejected it: " + result.report());
            decisions.record("GENERATE", name, "rejected by the trainer", reasons, Verdicts.ACTOR);
            pausedUntil = clock.instant().plus(settings.maxBackoff());
            throw new IllegalStateException("The trainer rejected generated data " + name + ": " + result.report());
        }
        reasons.add("dataset " + dataset.sha256() + (dataset.jobId() == null ? "" : ", job " + dataset.jobId()));
        if (!runs.existsByDataset(dataset.sha256())) {
            runs.save(PipelineRun.generated(
                    dataset.sha256(), name, skill.skill(), skill.level(), dataset.jobId(), clock.instant()));
        }
        decisions.record(
                "GENERATE",
                name,
                result.outcome() == IntakeOutcome.ACCEPTED ? "uploaded" : "uploaded (duplicate)",
                reasons,
                Verdicts.ACTOR);
        return result;
    }
}
