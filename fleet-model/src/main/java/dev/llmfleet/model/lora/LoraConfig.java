package dev.llmfleet.model.lora;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a low-rank adapter: each targeted projection {@code W} gains {@code (alpha / rank) B A}
 * with {@code A} of {@code (rank, in)} and {@code B} of {@code (out, rank)}; {@code dropout} applies
 * to the adapter's input while gradients are recorded.
 *
 * @param rank the inner dimension of each adapter
 * @param alpha the scale numerator; the update is multiplied by {@code alpha / rank}
 * @param dropout the probability of dropping an input element of the adapter path during training
 * @param targets the projections the adapter applies to, by the last parts of their names
 *     ({@code q_proj}, {@code mlp.down_proj}, {@code attn.qkv}, ...); empty means every projection
 *     of the model, which {@link #resolve} spells out once the model is known
 */
public record LoraConfig(int rank, double alpha, double dropout, List<String> targets) {

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
        targets = targets == null ? List.of() : List.copyOf(targets);
        for (String target : targets) {
            if (target == null || target.isBlank()) {
                throw new IllegalArgumentException("LoRA targets must be projection names, not blank");
            }
        }
    }

    /** Rank 8, alpha 16, dropout 0.05 on every attention and MLP projection. */
    public static LoraConfig defaults() {
        return new LoraConfig(8, 16, 0.05, List.of());
    }

    public double scale() {
        return alpha / rank;
    }

    /** Whether the projection with parameter prefix {@code name} (e.g. {@code h.1.mlp.fc}) carries an adapter. */
    public boolean targets(String name) {
        return targets.isEmpty() || targets.stream().anyMatch(t -> matches(name, t));
    }

    /**
     * This shape with its targets named for a model whose projections are {@code projections}:
     * every projection when no target was given, otherwise the given ones after checking that each
     * names at least one projection.
     */
    public LoraConfig resolve(List<String> projections) {
        List<String> suffixes =
                projections.stream().map(LoraConfig::suffix).distinct().toList();
        if (targets.isEmpty()) {
            return new LoraConfig(rank, alpha, dropout, suffixes);
        }
        List<String> unknown = new ArrayList<>();
        for (String target : targets) {
            if (projections.stream().noneMatch(p -> matches(p, target))) {
                unknown.add(target);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown LoRA target " + String.join(", ", unknown)
                    + "; this model's projections are " + String.join(", ", suffixes));
        }
        return this;
    }

    private static boolean matches(String projection, String target) {
        return projection.equals(target) || projection.endsWith("." + target);
    }

    /** {@code h.1.attn.qkv} -> {@code attn.qkv}; {@code model.layers.3.self_attn.q_proj} -> {@code self_attn.q_proj}. */
    private static String suffix(String projection) {
        String[] parts = projection.split("\\.");
        return parts.length < 2 ? projection : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }
}
