package dev.llmfleet.model.lora;

import java.util.List;

/**
 * The shape of a low-rank adapter: each targeted projection {@code W} gains {@code (alpha / rank) B A}
 * with {@code A} of {@code (rank, in)} and {@code B} of {@code (out, rank)}; {@code dropout} applies
 * to the adapter's input while gradients are recorded.
 *
 * @param rank the inner dimension of each adapter
 * @param alpha the scale numerator; the update is multiplied by {@code alpha / rank}
 * @param dropout the probability of dropping an input element of the adapter path during training
 * @param targets projection suffixes the adapter applies to: {@code attn.qkv}, {@code attn.proj},
 *     {@code mlp.fc}, {@code mlp.proj}
 */
public record LoraConfig(int rank, double alpha, double dropout, List<String> targets) {

    public static final List<String> ALL_PROJECTIONS = List.of("attn.qkv", "attn.proj", "mlp.fc", "mlp.proj");

    public LoraConfig {
        if (rank < 1) {
            throw new IllegalArgumentException("LoRA rank must be positive, was " + rank);
        }
        if (alpha <= 0) {
            throw new IllegalArgumentException("LoRA alpha must be positive, was " + alpha);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("LoRA dropout must be in [0, 1), was " + dropout);
        }
        targets = targets == null || targets.isEmpty() ? ALL_PROJECTIONS : List.copyOf(targets);
        for (String target : targets) {
            if (!ALL_PROJECTIONS.contains(target)) {
                throw new IllegalArgumentException(
                        "unknown LoRA target " + target + "; known: " + String.join(", ", ALL_PROJECTIONS));
            }
        }
    }

    /** Rank 8, alpha 16, dropout 0.05 on every attention and MLP projection. */
    public static LoraConfig defaults() {
        return new LoraConfig(8, 16, 0.05, ALL_PROJECTIONS);
    }

    public double scale() {
        return alpha / rank;
    }

    /** Whether the projection with parameter prefix {@code name} (e.g. {@code h.1.mlp.fc}) carries an adapter. */
    public boolean targets(String name) {
        return targets.stream().anyMatch(t -> name.endsWith("." + t));
    }
}
