package dev.llmfleet.orchestrator.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmfleet.api.orchestrator.CurriculumEvaluation;
import dev.llmfleet.api.orchestrator.SkillExample;
import dev.llmfleet.orchestrator.OrchestratorProperties;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"fleet.registry.enabled=false", "fleet.orchestrator.curriculum.active-skills=arithmetic,anagram"})
class CurriculumServiceTest {

    @Autowired
    CurriculumService curriculum;

    @Autowired
    SkillProgressRepository progress;

    @Autowired
    SkillEvaluationRepository evaluations;

    @Autowired
    List<Skill> skills;

    @Autowired
    OrchestratorProperties properties;

    @BeforeEach
    void startFromLevelOne() {
        evaluations.deleteAll();
        progress.deleteAll();
    }

    @Test
    void advancesASkillAfterThreePassingEvaluationsInARow() {
        curriculum.recordEvaluation("arithmetic", 1, 0.85, "ckpt-1");
        curriculum.recordEvaluation("arithmetic", 1, 0.9, "ckpt-2");
        assertThat(curriculum.state("arithmetic").level()).isEqualTo(1);

        CurriculumEvaluation third = curriculum.recordEvaluation("arithmetic", 1, 0.8, "ckpt-3");

        assertThat(third.advancedTo()).isEqualTo(2);
        assertThat(curriculum.state("arithmetic").level()).isEqualTo(2);
        assertThat(curriculum.state("arithmetic").consecutivePasses()).isZero();
    }

    @Test
    void aFailingEvaluationStartsTheRunAgain() {
        curriculum.recordEvaluation("arithmetic", 1, 0.95, "a");
        curriculum.recordEvaluation("arithmetic", 1, 0.95, "b");
        curriculum.recordEvaluation("arithmetic", 1, 0.79, "c");
        curriculum.recordEvaluation("arithmetic", 1, 0.95, "d");
        curriculum.recordEvaluation("arithmetic", 1, 0.95, "e");

        assertThat(curriculum.state("arithmetic").level()).isEqualTo(1);
        assertThat(curriculum.state("arithmetic").consecutivePasses()).isEqualTo(2);
    }

    @Test
    void evaluationsOfAnotherLevelAreKeptButDoNotCount() {
        for (int i = 0; i < 3; i++) {
            curriculum.recordEvaluation("arithmetic", 2, 1.0, "old-" + i);
        }

        assertThat(curriculum.state("arithmetic").level()).isEqualTo(1);
        assertThat(curriculum.history("arithmetic")).hasSize(3);
    }

    @Test
    void keepsItsStateAndHistoryAcrossARestart() {
        for (int i = 0; i < 3; i++) {
            curriculum.recordEvaluation("anagram", 1, 0.9, "c" + i);
        }

        CurriculumService restarted =
                new CurriculumService(skills, progress, evaluations, properties, Clock.systemUTC());

        assertThat(restarted.state("anagram").level()).isEqualTo(2);
        assertThat(restarted.history("anagram"))
                .extracting(CurriculumEvaluation::source)
                .containsExactly("c0", "c1", "c2");
    }

    @Test
    void completesASkillAtItsTopLevel() {
        for (int level = 1; level <= 5; level++) {
            for (int i = 0; i < 3; i++) {
                curriculum.recordEvaluation("anagram", level, 1.0, "l" + level + "-" + i);
            }
        }

        assertThat(curriculum.state("anagram").level()).isEqualTo(5);
        assertThat(curriculum.state("anagram").completed()).isTrue();
    }

    @Test
    void generatesTrainingDataWithoutTheValidationQuestionsOfItsLevel() {
        Set<String> validation = curriculum.validationSuite("arithmetic", 1).stream()
                .map(SkillExample::prompt)
                .collect(Collectors.toSet());

        String batch = curriculum.trainingBatch("arithmetic", 99);

        assertThat(validation).hasSize(50);
        assertThat(batch.lines())
                .isNotEmpty()
                .noneMatch(line -> validation.stream().anyMatch(q -> line.contains("\"" + q + "\"")));
    }

    @Test
    void mixesAQuarterOfReviewFromEarlierLevelsIntoTheTrainingDataOfALaterLevel() {
        for (int level = 1; level <= 2; level++) {
            for (int i = 0; i < 3; i++) {
                curriculum.recordEvaluation("arithmetic", level, 1.0, "l" + level + "-" + i);
            }
        }
        assertThat(curriculum.state("arithmetic").level()).isEqualTo(3);
        Set<String> validation = new java.util.HashSet<>();
        for (int level = 1; level <= 3; level++) {
            curriculum.validationSuite("arithmetic", level).forEach(e -> validation.add(e.prompt()));
        }

        List<String> batch = curriculum.trainingBatch("arithmetic", 7).lines().toList();

        java.util.regex.Pattern singleDigits = java.util.regex.Pattern.compile("\"content\":\"\\D*\\d\\D+\\d\\D*\"");
        long review =
                batch.stream().filter(line -> singleDigits.matcher(line).find()).count();
        assertThat(batch).hasSize(400);
        assertThat(review).as("single-digit questions, from levels 1 and 2").isBetween(85L, 125L);
        assertThat(batch).noneMatch(line -> validation.stream().anyMatch(q -> line.contains("\"" + q + "\"")));
    }

    @Test
    void refusesUnknownSkillsAndLevels() {
        assertThatThrownBy(() -> curriculum.state("juggling")).isInstanceOf(UnknownSkillException.class);
        assertThatThrownBy(() -> curriculum.recordEvaluation("arithmetic", 9, 1.0, "x"))
                .isInstanceOf(SkillLevelOutOfRangeException.class);
    }
}
