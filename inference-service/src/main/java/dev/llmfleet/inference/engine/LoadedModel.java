package dev.llmfleet.inference.engine;

import ai.djl.ndarray.NDManager;
import dev.llmfleet.api.inference.ModelInfo;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.chat.ChatMessage;
import dev.llmfleet.model.chat.ChatTemplateException;
import dev.llmfleet.model.checkpoint.VerifiedCheckpoint;
import dev.llmfleet.model.generate.Generation;
import dev.llmfleet.model.generate.GenerationParams;
import dev.llmfleet.model.hf.GenerationConfig;
import dev.llmfleet.model.lora.LoraFiles;
import dev.llmfleet.model.runtime.LanguageModel;
import dev.llmfleet.model.runtime.NativeRuntime;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import java.time.Instant;
import java.util.List;

/**
 * A model version in memory with its tokenizer, chat format and generation defaults. It owns its
 * native memory (its own base manager) and is closed by the batch loop that serves it, after its
 * last request. Its context is the smaller of the model's own and the host's configured maximum.
 */
public final class LoadedModel implements AutoCloseable {

    private final NDManager root;
    private final LanguageModel model;
    private final int contextLength;
    private final ModelInfo info;

    private LoadedModel(NDManager root, LanguageModel model, int contextLength, ModelInfo info) {
        this.root = root;
        this.model = model;
        this.contextLength = contextLength;
        this.info = info;
    }

    /**
     * Loads a verified checkpoint onto the preferred device; {@code source} says where it came from
     * and {@code maxContext} caps the context this host serves.
     */
    public static LoadedModel load(
            VerifiedCheckpoint checkpoint,
            String name,
            String version,
            String source,
            Instant loadedAt,
            int maxContext) {
        NDManager root = NDManager.newBaseManager(NativeRuntime.preferredDevice());
        try {
            LanguageModel model = LanguageModel.open(checkpoint, root);
            // Serving never trains: without autograd on the weights, PyTorch records no graph per step.
            model.model().parameters().asMap().values().forEach(weights -> weights.setRequiresGradient(false));
            LanguageModel.Description description = model.description();
            int context = Math.min(description.contextLength(), maxContext);
            long bytes = model.model().parameters().asMap().values().stream()
                    .mapToLong(a -> a.getShape().size() * a.getDataType().getNumOfBytes())
                    .sum();
            ModelInfo info = new ModelInfo(
                    name,
                    version,
                    LoraFiles.manifestSha256(checkpoint.directory()),
                    source,
                    loadedAt,
                    description.family(),
                    description.parameters(),
                    description.dtype(),
                    bytes,
                    root.getDevice().toString(),
                    context,
                    description.vocabSize());
            return new LoadedModel(root, model, context, info);
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }

    public ModelInfo info() {
        return info;
    }

    CausalLanguageModel model() {
        return model.model();
    }

    FleetTokenizer tokenizer() {
        return model.tokenizer();
    }

    int contextLength() {
        return contextLength;
    }

    int[] stopTokens() {
        return model.chat().stopTokens();
    }

    /** The sampling the model's authors recommend, for what a request leaves open. */
    GenerationConfig defaults() {
        return model.generation();
    }

    /** The prompt's tokens: a conversation through the model's chat template, or text as it is. */
    int[] encode(PromptInput prompt) {
        try {
            return switch (prompt) {
                case PromptInput.Chat chat -> model.chat().prompt(chat.messages(), chat.templateOptions());
                case PromptInput.Text text -> model.chat().text(text.text());
            };
        } catch (ChatTemplateException e) {
            throw InferenceException.invalid("messages", e.getMessage());
        }
    }

    /** A short greedy generation through the same decoding as every request: proves the weights run before a swap. */
    public Generation selfTest(int tokens) {
        int[] prompt = model.chat().prompt(List.of(ChatMessage.user("Hello")));
        int budget = Math.min(tokens, contextLength - prompt.length);
        return model.generator().generate(prompt, GenerationParams.greedy(Math.max(1, budget)));
    }

    @Override
    public void close() {
        try {
            model.close();
        } finally {
            root.close();
        }
    }
}
