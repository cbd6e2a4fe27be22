package dev.llmfleet.trainer.validation;

import dev.llmfleet.api.trainer.ValidationIssue;
import dev.llmfleet.api.trainer.ValidationLevel;
import dev.llmfleet.trainer.engine.DatasetFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** STANDARD and DEEP validation over the examples QUICK parsed. */
final class ContentChecks {

    private static final int MIN_WHOLE_ANSWER_LEAK = 8;

    private final List<ValidationIssue> issues;

    ContentChecks(List<ValidationIssue> issues) {
        this.issues = issues;
    }

    /** Empty examples, role order, duplicates, token lengths; returns the total tokens. */
    long standard(List<Example> examples, TokenCounter tokens, int maxLength) {
        Map<String, Long> firstSeen = new HashMap<>();
        long total = 0;
        for (Example example : examples) {
            if (!nonEmpty(example) || !roleOrder(example)) {
                continue;
            }
            Long first = firstSeen.putIfAbsent(example.canonical(), example.line());
            if (first != null) {
                issue(example.line(), ValidationLevel.STANDARD, "duplicate", "same example as line " + first);
            }
            int count = tokens.count(example);
            total += count;
            if (count > maxLength) {
                issue(
                        example.line(),
                        ValidationLevel.STANDARD,
                        "too-long",
                        count + " tokens, more than max_length " + maxLength + " (examples are never cut)");
            }
        }
        return total;
    }

    private boolean nonEmpty(Example example) {
        if (example.turns().isEmpty()) {
            issue(example.line(), ValidationLevel.STANDARD, "empty-example", "no messages");
            return false;
        }
        for (int i = 0; i < example.turns().size(); i++) {
            if (example.turns().get(i).content().isBlank()) {
                String what = example.spec().format() == DatasetFormat.COMPLETION_V1
                        ? (i == 0 ? "prompt" : "completion")
                        : "messages[" + i + "] (" + example.turns().get(i).role() + ")";
                issue(example.line(), ValidationLevel.STANDARD, "empty-example", what + " is empty");
                return false;
            }
        }
        return true;
    }

    /** An optional system turn, then user and assistant turns alternating, ending with the assistant. */
    private boolean roleOrder(Example example) {
        List<Turn> turns = example.turns();
        int start = Turn.SYSTEM.equals(turns.getFirst().role()) ? 1 : 0;
        String expected = Turn.USER;
        for (int i = start; i < turns.size(); i++) {
            if (!expected.equals(turns.get(i).role())) {
                issue(
                        example.line(),
                        ValidationLevel.STANDARD,
                        "role-order",
                        "messages[" + i + "] is " + turns.get(i).role() + " where " + expected + " was expected");
                return false;
            }
            expected = Turn.USER.equals(expected) ? Turn.ASSISTANT : Turn.USER;
        }
        if (turns.size() == start || !turns.getLast().isAssistant()) {
            issue(
                    example.line(),
                    ValidationLevel.STANDARD,
                    "role-order",
                    "the last message must be the assistant's answer");
            return false;
        }
        return true;
    }

    /** The whole answer, or its first {@code prefixChars} characters, written inside the prompt. */
    void leakage(List<Example> examples, int prefixChars) {
        for (Example example : examples) {
            String answer = example.answer().strip();
            String prompt = example.prompt();
            if (answer.length() >= MIN_WHOLE_ANSWER_LEAK && prompt.contains(answer)) {
                issue(example.line(), ValidationLevel.DEEP, "answer-leak", "the whole answer appears in the prompt");
            } else if (answer.length() > prefixChars && prompt.contains(answer.substring(0, prefixChars))) {
                issue(
                        example.line(),
                        ValidationLevel.DEEP,
                        "answer-leak",
                        "the answer's first " + prefixChars + " characters appear in the prompt");
            }
        }
    }

    /** Validation examples whose prompt is also a training example's prompt, in the engine's split. */
    void overlap(List<Example> examples, double fraction, long seed) {
        Set<Integer> validation = ValidationSplit.validationSet(examples.size(), fraction, seed);
        Map<String, Long> trainingPrompts = new HashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            if (!validation.contains(i)) {
                trainingPrompts.putIfAbsent(
                        normalise(examples.get(i).prompt()), examples.get(i).line());
            }
        }
        for (int i : validation) {
            Example example = examples.get(i);
            Long training = trainingPrompts.get(normalise(example.prompt()));
            if (training != null) {
                issue(
                        example.line(),
                        ValidationLevel.DEEP,
                        "split-overlap",
                        "validation example has the same prompt as training line " + training);
            }
        }
    }

    private static String normalise(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    private void issue(long line, ValidationLevel level, String code, String message) {
        issues.add(new ValidationIssue(line, level, code, message));
    }
}
