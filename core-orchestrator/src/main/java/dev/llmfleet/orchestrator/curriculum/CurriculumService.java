package dev.llmfleet.orchestrator.curriculum;

import dev.llmfleet.api.orchestrator.CurriculumEvaluation;
import dev.llmfleet.api.orchestrator.SkillExample;
import dev.llmfleet.api.orchestrator.SkillState;
import dev.llmfleet.orchestrator.OrchestratorProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The curriculum: which level each skill is at, the data and validation suites for that level, and
 * the rule that moves a skill up (enough passing evaluations in a row). State and history live in
 * PostgreSQL, so a restart changes nothing.
 */
@Service
public class CurriculumService {

    private static final Log log = LogFactory.getLog(CurriculumService.class);

    private final Map<String, Skill> skills;
    private final SkillProgressRepository progress;
    private final SkillEvaluationRepository evaluations;
    private final OrchestratorProperties.Curriculum settings;
    private final Clock clock;

    public CurriculumService(
            List<Skill> skills,
            SkillProgressRepository progress,
            SkillEvaluationRepository evaluations,
            OrchestratorProperties properties,
            Clock clock) {
        this.skills = skills.stream().collect(Collectors.toUnmodifiableMap(Skill::name, Function.identity()));
        this.progress = progress;
        this.evaluations = evaluations;
        this.settings = properties.curriculum();
        this.clock = clock;
        settings.activeSkills().forEach(this::skill);
    }

    @Transactional
    public List<SkillState> activeSkills() {
        return settings.activeSkills().stream().map(this::state).toList();
    }

    @Transactional
    public SkillState state(String skillName) {
        Skill skill = skill(skillName);
        return toState(skill, progressOf(skill));
    }

    /** Records an evaluation; a pass at the skill's current level counts towards advancing it. */
    @Transactional
    public CurriculumEvaluation recordEvaluation(String skillName, int level, double accuracy, String source) {
        Skill skill = skill(skillName);
        skill.checkLevel(level);
        SkillProgress current = progressOf(skill);
        Instant now = clock.instant();
        boolean passed = accuracy >= settings.passAccuracy();
        Integer advancedTo = null;
        if (level == current.level()) {
            advancedTo = current.record(passed, settings.passesToAdvance(), skill.maxLevel(), now);
            progress.save(current);
        }
        if (advancedTo != null) {
            log.info("Skill %s advanced to level %d (%s) after %d passing evaluations"
                    .formatted(skill.name(), advancedTo, skill.describe(advancedTo), settings.passesToAdvance()));
        }
        return evaluations
                .save(new SkillEvaluation(skill.name(), level, accuracy, passed, advancedTo, source, now))
                .toApi();
    }

    @Transactional(readOnly = true)
    public List<CurriculumEvaluation> history(String skillName) {
        skill(skillName);
        return evaluations.findBySkillOrderByEvaluatedAtAscIdAsc(skillName).stream()
                .map(SkillEvaluation::toApi)
                .toList();
    }

    /** The fixed validation suite of a level: the same questions every time. */
    public List<SkillExample> validationSuite(String skillName, int level) {
        return validationSuite(skill(skillName), level, settings.validationSize());
    }

    /** The fixed validation suite of {@code skill}'s {@code level}, {@code size} questions. */
    public static List<SkillExample> validationSuite(Skill skill, int level, int size) {
        long seed = 31L * skill.name().hashCode() + level;
        return skill.examples(level, size, new SplittableRandom(seed));
    }

    /**
     * A fresh training batch in {@code chat_sft_v1} JSON Lines for the skill's current level, with
     * a share ({@code review-share}) of questions from the levels below so that a model trained on
     * it keeps what the earlier levels taught; no question of any level's validation suite is in it.
     */
    @Transactional
    public String trainingBatch(String skillName, long seed) {
        Skill skill = skill(skillName);
        return ChatDataset.toJsonLines(
                skill,
                trainingExamples(
                        skill,
                        progressOf(skill).level(),
                        settings.batchSize(),
                        settings.reviewShare(),
                        settings.validationSize(),
                        seed));
    }

    /**
     * The examples of a training batch for {@code level}: {@code size} distinct questions at most, a
     * {@code reviewShare} of them from the levels below, none from any level's validation suite of
     * {@code suiteSize} questions.
     */
    public static List<SkillExample> trainingExamples(
            Skill skill, int level, int size, double reviewShare, int suiteSize, long seed) {
        skill.checkLevel(level);
        SplittableRandom random = new SplittableRandom(seed);
        // the levels' question spaces overlap (3+4 is asked at levels 1, 2 and 3): hold out every suite
        java.util.Set<String> held = new java.util.HashSet<>();
        for (int suiteLevel = 1; suiteLevel <= level; suiteLevel++) {
            validationSuite(skill, suiteLevel, suiteSize).forEach(e -> held.add(e.prompt()));
        }
        int review = level == 1 ? 0 : (int) Math.round(size * reviewShare);
        java.util.Map<String, SkillExample> examples = new java.util.LinkedHashMap<>();
        fresh(skill, level, size - review, held, random).forEach(e -> examples.put(e.prompt(), e));
        for (int attempts = 0; examples.size() < size && attempts < review * 20; attempts++) {
            int earlier = 1 + random.nextInt(level - 1);
            fresh(skill, earlier, 1, held, random).forEach(e -> examples.putIfAbsent(e.prompt(), e));
        }
        return new ArrayList<>(examples.values());
    }

    /** {@code count} distinct questions of {@code level} that no held-out suite asks. */
    private static List<SkillExample> fresh(
            Skill skill, int level, int count, java.util.Set<String> held, SplittableRandom random) {
        return skill.examples(level, count + held.size(), random.split()).stream()
                .filter(e -> !held.contains(e.prompt()))
                .limit(count)
                .toList();
    }

    public Skill skill(String name) {
        Skill skill = skills.get(name);
        if (skill == null) {
            throw UnknownSkillException.named(name);
        }
        return skill;
    }

    private SkillProgress progressOf(Skill skill) {
        return progress.findById(skill.name())
                .orElseGet(() -> progress.save(new SkillProgress(skill.name(), clock.instant())));
    }

    private SkillState toState(Skill skill, SkillProgress p) {
        return new SkillState(
                skill.name(),
                p.level(),
                skill.maxLevel(),
                skill.describe(p.level()),
                p.consecutivePasses(),
                settings.passesToAdvance(),
                p.completed(),
                p.updatedAt());
    }
}
