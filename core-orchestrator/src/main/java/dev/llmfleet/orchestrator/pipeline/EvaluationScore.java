package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.orchestrator.EvaluationItemResult;
import dev.llmfleet.api.orchestrator.EvaluationReport;
import dev.llmfleet.api.orchestrator.SuiteItem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an evaluation report says about a checkpoint: exact-match accuracy of the trimmed answers,
 * overall and per {@code <skill>/<level>}, and the report's losses.
 */
record EvaluationScore(
        String suites,
        int correct,
        int total,
        double accuracy,
        Map<String, Double> accuracyBySkillLevel,
        double validationLoss,
        Double trainLoss,
        long step) {

    /**
     * Scores a report already checked to hold exactly one result per item; the training loss is the
     * report's, else {@code knownTrainLoss} (what the checkpoint recorded), so that a checkpoint's
     * gap is the same however often it is evaluated.
     */
    static EvaluationScore of(String suites, List<SuiteItem> items, EvaluationReport report, Double knownTrainLoss) {
        Map<String, int[]> bySkillLevel = new LinkedHashMap<>();
        int correct = 0;
        for (EvaluationItemResult result : report.results()) {
            SuiteItem item = items.get(result.index());
            boolean right = isRight(item, result);
            int[] tally = bySkillLevel.computeIfAbsent(key(item.skill(), item.level()), k -> new int[2]);
            tally[0] += right ? 1 : 0;
            tally[1]++;
            correct += right ? 1 : 0;
        }
        Map<String, Double> accuracies = new LinkedHashMap<>();
        bySkillLevel.forEach((key, tally) -> accuracies.put(key, (double) tally[0] / tally[1]));
        return new EvaluationScore(
                suites,
                correct,
                items.size(),
                (double) correct / items.size(),
                accuracies,
                report.validationLoss(),
                report.trainLoss() != null ? report.trainLoss() : knownTrainLoss,
                report.step());
    }

    static boolean isRight(SuiteItem item, EvaluationItemResult result) {
        return result.generated() != null
                && result.generated().trim().equals(item.answer().trim());
    }

    static String key(String skill, int level) {
        return skill + "/" + level;
    }
}
