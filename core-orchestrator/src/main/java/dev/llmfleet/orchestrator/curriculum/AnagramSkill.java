package dev.llmfleet.orchestrator.curriculum;

import dev.llmfleet.api.orchestrator.SkillExample;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * A word puzzle: unscramble the letters of a word, from three letters (level 1) to seven (level 5).
 *
 * <p>The shipped word list holds no two words with the same letters, so every puzzle has exactly
 * one answer; a scramble never equals the word itself.
 */
public final class AnagramSkill implements Skill {

    private static final int SHORTEST = 3;
    private final Map<Integer, List<String>> wordsByLength;

    public AnagramSkill() {
        this(loadWords());
    }

    AnagramSkill(List<String> words) {
        Map<Integer, List<String>> byLength = new TreeMap<>();
        Set<String> letterSets = new HashSet<>();
        for (String word : words) {
            if (!letterSets.add(sorted(word))) {
                throw new IllegalArgumentException("Two words share the letters of '" + word + "'");
            }
            byLength.computeIfAbsent(word.length(), l -> new ArrayList<>()).add(word);
        }
        this.wordsByLength = Map.copyOf(byLength);
        for (int level = 1; level <= maxLevel(); level++) {
            if (!wordsByLength.containsKey(length(level))) {
                throw new IllegalArgumentException("No words of " + length(level) + " letters for level " + level);
            }
        }
    }

    @Override
    public String name() {
        return "anagram";
    }

    @Override
    public int maxLevel() {
        return 5;
    }

    @Override
    public String describe(int level) {
        checkLevel(level);
        return "unscramble %d-letter words".formatted(length(level));
    }

    @Override
    public String systemPrompt() {
        return "";
    }

    @Override
    public SkillExample example(int level, RandomGenerator random) {
        checkLevel(level);
        List<String> words = wordsByLength.get(length(level));
        String word = words.get(random.nextInt(words.size()));
        return new SkillExample(name(), level, "Unscramble: " + scramble(word, random), word);
    }

    private static int length(int level) {
        return SHORTEST + level - 1;
    }

    static String scramble(String word, RandomGenerator random) {
        char[] letters = word.toCharArray();
        do {
            for (int i = letters.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                char swap = letters[i];
                letters[i] = letters[j];
                letters[j] = swap;
            }
        } while (new String(letters).equals(word) && word.chars().distinct().count() > 1);
        return new String(letters);
    }

    private static String sorted(String word) {
        char[] letters = word.toCharArray();
        java.util.Arrays.sort(letters);
        return new String(letters);
    }

    private static List<String> loadWords() {
        try (InputStream in = AnagramSkill.class.getResourceAsStream("words.txt")) {
            if (in == null) {
                throw new IllegalStateException("The anagram word list is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
