package dev.llmfleet.trainer.snapshot;

import dev.llmfleet.api.trainer.EvolutionSnapshot;
import dev.llmfleet.api.trainer.EvolutionSummary;
import dev.llmfleet.api.trainer.ExampleEvolution;
import dev.llmfleet.api.trainer.SnapshotAnswer;
import dev.llmfleet.api.trainer.SnapshotDataset;
import dev.llmfleet.api.trainer.SnapshotInfo;
import dev.llmfleet.trainer.dataset.DatasetService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Evolution snapshots per dataset and step, and what they say across steps. */
@Service
public class SnapshotService {

    private static final TypeReference<List<SnapshotAnswer>> ANSWERS = new TypeReference<>() {};

    private final SnapshotRepository snapshots;
    private final DatasetService datasets;
    private final JsonMapper json;

    SnapshotService(SnapshotRepository snapshots, DatasetService datasets, JsonMapper json) {
        this.snapshots = snapshots;
        this.datasets = datasets;
        this.json = json;
    }

    /** Stores a snapshot; a step already snapshotted (a run resumed past it) keeps its first one. */
    @Transactional
    public void store(EvolutionSnapshot snapshot) {
        if (snapshots.existsByDatasetAndStep(snapshot.dataset(), snapshot.step())) {
            return;
        }
        snapshots.save(new EvolutionSnapshotEntity(
                snapshot.dataset(),
                snapshot.step(),
                snapshot.jobId(),
                snapshot.trainingLoss(),
                snapshot.validationLoss(),
                snapshot.correct(),
                snapshot.total(),
                json.writeValueAsString(snapshot.answers()),
                snapshot.takenAt()));
    }

    @Transactional(readOnly = true)
    public List<SnapshotDataset> datasets() {
        Map<String, List<EvolutionSnapshotEntity>> byDataset = new LinkedHashMap<>();
        for (EvolutionSnapshotEntity s : snapshots.findAllByOrderByDatasetAscStepAsc()) {
            byDataset.computeIfAbsent(s.dataset(), k -> new ArrayList<>()).add(s);
        }
        return byDataset.entrySet().stream()
                .map(e -> new SnapshotDataset(
                        e.getKey(),
                        datasets.get(e.getKey()).name(),
                        e.getValue().size(),
                        e.getValue().getFirst().step(),
                        e.getValue().getLast().step()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<SnapshotInfo> list(String dataset) {
        datasets.get(dataset);
        return snapshots.findByDatasetOrderByStepAsc(dataset).stream()
                .map(s -> new SnapshotInfo(
                        s.dataset(),
                        s.step(),
                        s.correct(),
                        s.total(),
                        s.trainingLoss(),
                        s.validationLoss(),
                        s.takenAt()))
                .toList();
    }

    @Transactional(readOnly = true)
    public EvolutionSnapshot get(String dataset, long step) {
        return snapshots
                .findByDatasetAndStep(dataset, step)
                .map(this::toSnapshot)
                .orElseThrow(() -> SnapshotNotFoundException.of(dataset, step));
    }

    /** Accuracy per step, and for each prompt when it first became right and since when it stays right. */
    @Transactional(readOnly = true)
    public EvolutionSummary summary(String dataset) {
        List<EvolutionSnapshot> all = snapshots.findByDatasetOrderByStepAsc(dataset).stream()
                .map(this::toSnapshot)
                .toList();
        if (all.isEmpty()) {
            throw SnapshotNotFoundException.none(dataset);
        }
        List<Long> steps = all.stream().map(EvolutionSnapshot::step).toList();
        List<SnapshotAnswer> first = all.getFirst().answers();
        List<ExampleEvolution> examples = new ArrayList<>();
        for (SnapshotAnswer example : first) {
            List<Boolean> correct = all.stream()
                    .map(s -> s.answers().size() > example.index()
                            && s.answers().get(example.index()).correct())
                    .toList();
            examples.add(new ExampleEvolution(
                    example.index(),
                    example.prompt(),
                    example.expected(),
                    correct,
                    firstCorrect(steps, correct),
                    rightSince(steps, correct)));
        }
        return new EvolutionSummary(
                dataset, steps, all.stream().map(EvolutionSnapshot::correct).toList(), first.size(), examples);
    }

    private static Long firstCorrect(List<Long> steps, List<Boolean> correct) {
        int i = correct.indexOf(true);
        return i < 0 ? null : steps.get(i);
    }

    private static Long rightSince(List<Long> steps, List<Boolean> correct) {
        Long since = null;
        for (int i = correct.size() - 1; i >= 0 && correct.get(i); i--) {
            since = steps.get(i);
        }
        return since;
    }

    private EvolutionSnapshot toSnapshot(EvolutionSnapshotEntity s) {
        return new EvolutionSnapshot(
                s.dataset(),
                s.step(),
                s.jobId(),
                s.trainingLoss(),
                s.validationLoss(),
                s.correct(),
                s.total(),
                json.readValue(s.answers(), ANSWERS),
                s.takenAt());
    }
}
