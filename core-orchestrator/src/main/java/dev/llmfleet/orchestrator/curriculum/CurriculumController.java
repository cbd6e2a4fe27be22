package dev.llmfleet.orchestrator.curriculum;

import dev.llmfleet.api.orchestrator.CurriculumEvaluation;
import dev.llmfleet.api.orchestrator.RecordEvaluationRequest;
import dev.llmfleet.api.orchestrator.SkillExample;
import dev.llmfleet.api.orchestrator.SkillState;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/curriculum/skills")
class CurriculumController {

    private final CurriculumService curriculum;

    CurriculumController(CurriculumService curriculum) {
        this.curriculum = curriculum;
    }

    @GetMapping
    List<SkillState> skills() {
        return curriculum.activeSkills();
    }

    @GetMapping("/{skill}")
    SkillState skill(@PathVariable String skill) {
        return curriculum.state(skill);
    }

    @GetMapping("/{skill}/history")
    List<CurriculumEvaluation> history(@PathVariable String skill) {
        return curriculum.history(skill);
    }

    @GetMapping("/{skill}/levels/{level}/validation-suite")
    List<SkillExample> validationSuite(@PathVariable String skill, @PathVariable int level) {
        return curriculum.validationSuite(skill, level);
    }

    @PostMapping("/{skill}/evaluations")
    @ResponseStatus(HttpStatus.CREATED)
    CurriculumEvaluation record(@PathVariable String skill, @Valid @RequestBody RecordEvaluationRequest request) {
        return curriculum.recordEvaluation(skill, request.level(), request.accuracy(), request.source());
    }
}
