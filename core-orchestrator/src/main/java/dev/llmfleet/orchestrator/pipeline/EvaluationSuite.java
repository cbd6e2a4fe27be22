package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.orchestrator.SuiteItem;
import dev.llmfleet.api.orchestrator.SuiteView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** One version of a skill level's fixed validation suite, stored as it was asked (append-only). */
@Entity
@Table(name = "evaluation_suite")
class EvaluationSuite {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final TypeReference<List<SuiteItem>> itemsType = new TypeReference<>() {};

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String skill;

    @Column(nullable = false)
    private int level;

    @Column(nullable = false)
    private int version;

    @Column(nullable = false)
    private String sha256;

    @Column(nullable = false)
    private int size;

    @Column(nullable = false)
    private String items;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected EvaluationSuite() {}

    EvaluationSuite(String skill, int level, int version, String itemsJson, String sha256, int size, Instant now) {
        this.skill = skill;
        this.level = level;
        this.version = version;
        this.items = itemsJson;
        this.sha256 = sha256;
        this.size = size;
        this.createdAt = now;
    }

    static String toJson(List<SuiteItem> items) {
        return json.writeValueAsString(items);
    }

    /** Its name in evaluation specs: {@code <skill>/<level>@<version>}. */
    String key() {
        return skill + "/" + level + "@" + version;
    }

    List<SuiteItem> items() {
        return json.readValue(items, itemsType);
    }

    String sha256() {
        return sha256;
    }

    int version() {
        return version;
    }

    SuiteView toApi() {
        return new SuiteView(skill, level, version, sha256, size, createdAt);
    }
}
