package dev.llmfleet.inference.engine;

import ai.djl.ndarray.NDManager;
import dev.llmfleet.api.inference.ModelInfo;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.chat.ChatMessage;
import dev.llmfleet.model.chat.ChatTemplate;
import dev.llmfleet.model.checkpoint.Manifest;
import dev.llmfleet.model.checkpoint.ModelFiles;
import dev.llmfleet.model.checkpoint.VerifiedCheckpoint;
import dev.llmfleet.model.generate.Generation;
import dev.llmfleet.model.generate.GenerationParams;
import dev.llmfleet.model.generate.Generator;
import dev.llmfleet.model.runtime.NativeRuntime;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import dev.llmfleet.model.tokenizer.SpecialTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;

/**
 * A model version in memory with its tokenizer and chat template. It owns its native memory (its
 * own base manager) and is closed by the batch loop that serves it, after its last request.
 */
public final class LoadedModel implements AutoCloseable {

    private final NDManager root;
    private final CausalLanguageModel model;
    private final FleetTokenizer tokenizer;
    private final ChatTemplate template;
    private final int bos;
    private final ModelInfo info;

    private LoadedModel(NDManager root, CausalLanguageModel model, FleetTokenizer tokenizer, ModelInfo info) {
        this.root = root;
        this.model = model;
        this.tokenizer = tokenizer;
        this.template = new ChatTemplate(tokenizer);
        this.bos = tokenizer.idOf(SpecialTokens.BOS);
        this.info = info;
    }

    /** Loads a verified checkpoint onto the preferred device; {@code source} says where it came from. */
    public static LoadedModel load(
            VerifiedCheckpoint checkpoint, String name, String version, String source, Instant loadedAt) {
        NDManager root = NDManager.newBaseManager(NativeRuntime.preferredDevice());
        try {
            CausalLanguageModel model = ModelFiles.loadModel(checkpoint, root);
            // Serving never trains: without autograd on the weights, PyTorch records no graph per step.
            model.parameters().asMap().values().forEach(weights -> weights.setRequiresGradient(false));
            FleetTokenizer tokenizer = ModelFiles.loadTokenizer(checkpoint);
            long parameters = model.parameters().count();
            long bytes = model.parameters().asMap().values().stream()
                    .mapToLong(a -> a.getShape().size() * a.getDataType().getNumOfBytes())
                    .sum();
            ModelInfo info = new ModelInfo(
                    name,
                    version,
                    manifestChecksum(checkpoint),
                    source,
                    loadedAt,
                    parameters,
                    bytes,
                    root.getDevice().toString(),
                    model.config().contextLength(),
                    model.config().vocabSize());
            return new LoadedModel(root, model, tokenizer, info);
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }

    public ModelInfo info() {
        return info;
    }

    CausalLanguageModel model() {
        return model;
    }

    FleetTokenizer tokenizer() {
        return tokenizer;
    }

    int contextLength() {
        return model.config().contextLength();
    }

    int[] stopTokens() {
        return template.stopTokens();
    }

    int[] encode(PromptInput prompt) {
        return switch (prompt) {
            case PromptInput.Chat chat -> template.prompt(chat.messages());
            case PromptInput.Text text -> {
                int[] body = tokenizer.encode(text.text());
                int[] ids = new int[body.length + 1];
                ids[0] = bos;
                System.arraycopy(body, 0, ids, 1, body.length);
                yield ids;
            }
        };
    }

    /** A short greedy generation through fleet-model's own generator: proves the weights run before a swap. */
    public Generation selfTest(int tokens) {
        int[] prompt = template.prompt(List.of(ChatMessage.user("Hello")));
        return new Generator(model, tokenizer, template.stopTokens()).generate(prompt, GenerationParams.greedy(tokens));
    }

    private static String manifestChecksum(VerifiedCheckpoint checkpoint) {
        try {
            byte[] manifest = Files.readAllBytes(checkpoint.directory().resolve(Manifest.FILE_NAME));
            return java.util.HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            tokenizer.close();
            model.close();
        } finally {
            root.close();
        }
    }
}
