package dev.llmfleet.model.runtime;

import ai.djl.ndarray.NDManager;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.chat.ChatFormat;
import dev.llmfleet.model.chat.ChatTemplate;
import dev.llmfleet.model.chat.HfChatFormat;
import dev.llmfleet.model.checkpoint.ModelFiles;
import dev.llmfleet.model.checkpoint.VerifiedCheckpoint;
import dev.llmfleet.model.generate.Generator;
import dev.llmfleet.model.hf.GenerationConfig;
import dev.llmfleet.model.hf.HfModelFolder;
import dev.llmfleet.model.lora.LoraFiles;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import java.nio.file.Path;

/**
 * A model opened from a checkpoint or version folder with everything needed to talk to it: its
 * tokenizer, its chat format and its recommended generation settings. Serving, evaluation and the
 * version self-test all open models this way, so they format prompts and stop generations alike.
 */
public final class LanguageModel implements AutoCloseable {

    private final CausalLanguageModel model;
    private final FleetTokenizer tokenizer;
    private final ChatFormat chat;
    private final GenerationConfig generation;
    private final Description description;

    /**
     * What kind of model this is.
     *
     * @param dtype how the folder stores the weights ({@code bfloat16}, {@code float32}, ...); computation is float32
     */
    public record Description(String family, long parameters, String dtype, int contextLength, int vocabSize) {}

    private LanguageModel(
            CausalLanguageModel model,
            FleetTokenizer tokenizer,
            ChatFormat chat,
            GenerationConfig generation,
            String dtype) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.chat = chat;
        this.generation = generation;
        this.description = new Description(
                model.config().family(),
                model.parameters().count(),
                dtype,
                model.config().contextLength(),
                model.config().vocabSize());
    }

    /** The full model a checkpoint or version holds, its weights in a child of {@code parent}. */
    public static LanguageModel open(VerifiedCheckpoint checkpoint, NDManager parent) {
        return open(checkpoint, null, parent);
    }

    /**
     * The adapter in {@code checkpoint} on the model {@code base} it was trained on (tokenizer and
     * chat format from the base); the full model in {@code checkpoint} when {@code base} is null.
     */
    public static LanguageModel open(VerifiedCheckpoint checkpoint, VerifiedCheckpoint base, NDManager parent) {
        VerifiedCheckpoint format = base == null ? checkpoint : base;
        // A Hugging Face folder is opened and checked once, for its weights and for its tokenizer files.
        HfModelFolder folder =
                HfModelFolder.isHfFolder(format.directory()) ? HfModelFolder.open(format.directory()) : null;
        CausalLanguageModel model;
        if (base != null) {
            model = LoraFiles.load(checkpoint, base, parent);
        } else {
            model = folder != null ? folder.load(parent) : ModelFiles.loadModel(checkpoint, parent);
        }
        FleetTokenizer tokenizer = null;
        try {
            tokenizer = ModelFiles.loadTokenizer(format);
            if (folder == null) {
                return new LanguageModel(
                        model, tokenizer, new ChatTemplate(tokenizer), GenerationConfig.none(), "float32");
            }
            ChatFormat chat = HfChatFormat.of(tokenizer, folder.tokenizer(), folder.generation());
            return new LanguageModel(
                    model,
                    tokenizer,
                    chat,
                    folder.generation(),
                    folder.config().dtype().configName());
        } catch (RuntimeException e) {
            if (tokenizer != null) {
                tokenizer.close();
            }
            model.close();
            throw e;
        }
    }

    /**
     * The chat format of the model in {@code folder} on its tokenizer, without reading its weights:
     * a Hugging Face folder's own template and stop tokens, the demo GPT's template otherwise.
     * Training formats its data with this, so it learns the turns serving will ask it.
     */
    public static ChatFormat chatFormat(Path folder, FleetTokenizer tokenizer) {
        if (!HfModelFolder.isHfFolder(folder)) {
            return new ChatTemplate(tokenizer);
        }
        HfModelFolder hf = HfModelFolder.open(folder);
        return HfChatFormat.of(tokenizer, hf.tokenizer(), hf.generation());
    }

    public CausalLanguageModel model() {
        return model;
    }

    public FleetTokenizer tokenizer() {
        return tokenizer;
    }

    public ChatFormat chat() {
        return chat;
    }

    /** The sampling the model's authors recommend ({@code generation_config.json}); empty for the demo GPT. */
    public GenerationConfig generation() {
        return generation;
    }

    public Description description() {
        return description;
    }

    /** A generator that stops where this model's turns end. */
    public Generator generator() {
        return new Generator(model, tokenizer, chat.stopTokens());
    }

    @Override
    public void close() {
        try {
            tokenizer.close();
        } finally {
            model.close();
        }
    }
}
