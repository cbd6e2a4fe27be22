package dev.llmfleet.orchestrator.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmfleet.api.orchestrator.SkillExample;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SkillGeneratorsTest {

    final ArithmeticSkill arithmetic = new ArithmeticSkill();
    final AnagramSkill anagram = new AnagramSkill();

    @Test
    void arithmeticAnswersAreRightAtEveryLevel() {
        for (int level = 1; level <= arithmetic.maxLevel(); level++) {
            for (SkillExample example : arithmetic.examples(level, 200, new SplittableRandom(level))) {
                long expected = expectedAnswer(example.prompt());
                assertThat(example.answer()).isEqualTo(Long.toString(expected));
                assertThat(expected).isNotNegative();
            }
        }
    }

    @Test
    void arithmeticGrowsFromSingleDigitsToFiveDigitNumbers() {
        assertThat(arithmetic.maxLevel()).isEqualTo(7);
        assertThat(arithmetic.examples(1, 100, new SplittableRandom(1)))
                .allSatisfy(e -> assertThat(e.prompt()).matches(".*\\b\\d\\b.*\\b\\d\\b.*"))
                .allSatisfy(e -> assertThat(e.prompt()).doesNotContain("-", "minus", "Take"))
                .extracting(SkillExample::prompt)
                .anySatisfy(p -> assertThat(p).matches("What is \\d\\+\\d\\?"))
                .anySatisfy(p -> assertThat(p).matches("Add \\d and \\d\\."));
        assertThat(arithmetic.examples(7, 100, new SplittableRandom(1)))
                .anySatisfy(e -> assertThat(e.prompt()).matches("What is \\d{5}[+-]\\d{5}\\?"))
                .anySatisfy(e -> assertThat(e.prompt()).matches("Take \\d{5} from \\d{5}\\."));
    }

    /** Reads the two numbers and the operation back from any wording the skill uses. */
    private static long expectedAnswer(String prompt) {
        java.util.regex.Matcher numbers =
                java.util.regex.Pattern.compile("\\d+").matcher(prompt);
        numbers.find();
        long first = Long.parseLong(numbers.group());
        numbers.find();
        long second = Long.parseLong(numbers.group());
        if (prompt.startsWith("Take ")) {
            return second - first;
        }
        boolean minus = prompt.contains("-") || prompt.contains("minus");
        return minus ? first - second : first + second;
    }

    @Test
    void theSameSeedGivesTheSameSuite() {
        assertThat(anagram.examples(3, 20, new SplittableRandom(42)))
                .isEqualTo(anagram.examples(3, 20, new SplittableRandom(42)));
        assertThat(arithmetic.examples(4, 20, new SplittableRandom(42)))
                .isEqualTo(arithmetic.examples(4, 20, new SplittableRandom(42)));
    }

    @Test
    void anagramPuzzlesUseTheLettersOfTheirAnswerInAnotherOrder() {
        for (int level = 1; level <= anagram.maxLevel(); level++) {
            int length = level + 2;
            assertThat(anagram.examples(level, 30, new SplittableRandom(level))).allSatisfy(e -> {
                String scrambled = e.prompt().replace("Unscramble: ", "");
                assertThat(scrambled).hasSize(length).isNotEqualTo(e.answer());
                assertThat(sorted(scrambled)).isEqualTo(sorted(e.answer()));
            });
        }
    }

    @Test
    void refusesAWordListWithTwoAnswersToOnePuzzle() {
        assertThatThrownBy(() -> new AnagramSkill(List.of("cat", "act", "dog"))).hasMessageContaining("act");
    }

    @Test
    void refusesLevelsOutsideTheSkill() {
        assertThatThrownBy(() -> arithmetic.example(8, new SplittableRandom(1))).hasMessageContaining("1 to 7");
        assertThatThrownBy(() -> anagram.example(0, new SplittableRandom(1))).hasMessageContaining("1 to 5");
    }

    @Test
    void writesChatSftJsonLinesTaggedWithTheSkillWithUserAndAssistant() {
        String jsonl = ChatDataset.toJsonLines(arithmetic, arithmetic.examples(1, 3, new SplittableRandom(7)));

        List<String> lines = jsonl.lines().toList();
        assertThat(lines).hasSize(3);
        JsonNode first = JsonMapper.builder().build().readTree(lines.getFirst());
        assertThat(first.path("skill").asString()).isEqualTo("arithmetic");
        assertThat(first.path("messages")).hasSize(2);
        assertThat(first.path("messages").get(0).path("role").asString()).isEqualTo("user");
        assertThat(first.path("messages").get(1).path("role").asString()).isEqualTo("assistant");
    }

    private static String sorted(String word) {
        char[] letters = word.toCharArray();
        java.util.Arrays.sort(letters);
        return new String(letters);
    }
}
