package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.orchestrator.SkillExample;
import dev.llmfleet.api.orchestrator.SkillState;
import dev.llmfleet.api.orchestrator.SuiteItem;
import dev.llmfleet.api.orchestrator.SuiteView;
import dev.llmfleet.orchestrator.curriculum.CurriculumService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The validation suites candidates are asked: for each active skill, its current level's fixed
 * suite. Suites are stored versioned, so an evaluation names exactly what it asked even after the
 * generator changes; a new version is stored only when a level's questions change.
 */
@Service
class SuiteCatalog {

    private static final Pattern KEY = Pattern.compile("([^/,@]+)/(\\d+)@(\\d+)");

    private final CurriculumService curriculum;
    private final EvaluationSuiteRepository suites;
    private final Clock clock;

    SuiteCatalog(CurriculumService curriculum, EvaluationSuiteRepository suites, Clock clock) {
        this.curriculum = curriculum;
        this.suites = suites;
        this.clock = clock;
    }

    /**
     * The suites a candidate is asked now, as their keys joined by commas: for each active skill,
     * the suite of every level up to its current one, so that a candidate that learned the new level
     * by forgetting the earlier ones does not look better than the model it would replace.
     */
    @Transactional
    String current() {
        List<String> keys = new ArrayList<>();
        for (SkillState skill : curriculum.activeSkills()) {
            for (int level = 1; level <= skill.level(); level++) {
                keys.add(stored(skill.skill(), level).key());
            }
        }
        return String.join(",", keys);
    }

    /** The questions of the named suites, in order. */
    @Transactional(readOnly = true)
    List<SuiteItem> items(String keys) {
        List<SuiteItem> items = new ArrayList<>();
        for (String key : keys.split(",")) {
            Matcher m = KEY.matcher(key);
            if (!m.matches()) {
                throw new IllegalStateException("Not a suite key: " + key);
            }
            EvaluationSuite suite = suites.findBySkillAndLevelAndVersion(
                            m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                    .orElseThrow(() -> new IllegalStateException("No stored suite " + key));
            items.addAll(suite.items());
        }
        return items;
    }

    @Transactional(readOnly = true)
    List<SuiteView> all() {
        return suites.findAllByOrderBySkillAscLevelAscVersionAsc().stream()
                .map(EvaluationSuite::toApi)
                .toList();
    }

    private EvaluationSuite stored(String skill, int level) {
        String system = curriculum.skill(skill).systemPrompt();
        List<SuiteItem> items = curriculum.validationSuite(skill, level).stream()
                .map(e -> item(e, system))
                .toList();
        String json = EvaluationSuite.toJson(items);
        String sha = sha256(json);
        var latest = suites.findFirstBySkillAndLevelOrderByVersionDesc(skill, level);
        if (latest.isPresent() && latest.get().sha256().equals(sha)) {
            return latest.get();
        }
        int version = latest.map(s -> s.version() + 1).orElse(1);
        return suites.save(new EvaluationSuite(skill, level, version, json, sha, items.size(), clock.instant()));
    }

    private static SuiteItem item(SkillExample example, String system) {
        return new SuiteItem(example.skill(), example.level(), system, example.prompt(), example.answer());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
