package dev.llmfleet.model;

/**
 * What every model family's shape tells the code around the model: how many layers and KV heads a
 * cache holds, how long a sequence may be, and how many tokens the output covers.
 */
public interface ModelConfig {

    /** The family: {@code gpt} for the demo's tiny model, {@code qwen3}, {@code qwen2} or {@code llama}. */
    String family();

    int layers();

    /** Heads of keys and values (fewer than query heads with grouped-query attention). */
    int kvHeads();

    /** Width of one attention head. */
    int headDim();

    /** The longest sequence (prompt plus completion) the model takes, in tokens. */
    int contextLength();

    int vocabSize();
}
