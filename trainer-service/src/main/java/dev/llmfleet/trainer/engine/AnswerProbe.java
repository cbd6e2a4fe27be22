package dev.llmfleet.trainer.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.chat.ChatFormat;
import dev.llmfleet.model.chat.TokenSequence;
import dev.llmfleet.model.checkpoint.VerifiedCheckpoint;
import dev.llmfleet.model.generate.GenerationParams;
import dev.llmfleet.model.gpt.LanguageModelLoss;
import dev.llmfleet.model.runtime.LanguageModel;
import dev.llmfleet.model.runtime.NativeRuntime;
import java.util.Arrays;

/**
 * The model of one checkpoint, opened to be asked questions. A question is a {@link TokenSequence}
 * as training builds it (the model's chat format or the completion format): the tokens before its
 * first learned one are the prompt, the learned ones are the expected answer. Snapshots and
 * evaluation jobs both ask through this, and answers come from the model's own generator (its
 * sampler and stop rules), so they see what training and inference see. Holds native memory until
 * closed; use it from one thread.
 */
public final class AnswerProbe implements AutoCloseable {

    private final NDManager root;
    private final LanguageModel model;

    private AnswerProbe(NDManager root, LanguageModel model) {
        this.root = root;
        this.model = model;
    }

    /** The full model a checkpoint (or a version folder) holds. */
    public static AnswerProbe open(VerifiedCheckpoint checkpoint) {
        return open(checkpoint, null);
    }

    /** The adapter in {@code checkpoint} on the version {@code base} it was trained on; the full model when base is null. */
    public static AnswerProbe open(VerifiedCheckpoint checkpoint, VerifiedCheckpoint base) {
        // The manager first: it starts the engine, which loads the native library the next call needs.
        NDManager root = NDManager.newBaseManager(NativeRuntime.preferredDevice());
        try {
            // PyTorch records gradients per thread unless told not to, and LoRA applies its dropout
            // while they are recorded: answers must come from the plain, deterministic forward pass.
            JniUtils.setGradMode(false);
            return new AnswerProbe(root, LanguageModel.open(checkpoint, base, root));
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }

    /** The format training formats chat data with, on this checkpoint's tokenizer. */
    public ChatFormat template() {
        return model.chat();
    }

    public int contextLength() {
        return model.description().contextLength();
    }

    /** The greedy continuation of the sequence's prompt, at most {@code maxNewTokens}, stopped at the end of the turn, trimmed. */
    public String answer(TokenSequence sequence, int maxNewTokens) {
        int[] prompt = Arrays.copyOf(sequence.ids(), promptLength(sequence));
        return model.generator()
                .generate(prompt, GenerationParams.greedy(maxNewTokens))
                .text()
                .strip();
    }

    /** The mean cross-entropy of the learned tokens, each given everything before it (teacher-forced). */
    public double loss(TokenSequence sequence) {
        int length = sequence.length() - 1;
        if (length < 1) {
            return 0;
        }
        long[] inputs = new long[length];
        long[] targets = new long[length];
        float[] mask = new float[length];
        for (int t = 0; t < length; t++) {
            inputs[t] = sequence.ids()[t];
            targets[t] = sequence.ids()[t + 1];
            mask[t] = sequence.learned()[t + 1] ? 1f : 0f;
        }
        CausalLanguageModel network = model.model();
        try (NDManager scope = network.manager().newSubManager()) {
            NDArray logits = network.forward(scope.create(inputs, new Shape(1, length)), null);
            return LanguageModelLoss.maskedCrossEntropy(
                            logits,
                            scope.create(targets, new Shape(1, length)),
                            scope.create(mask, new Shape(1, length)))
                    .getFloat();
        }
    }

    /** The tokens before the first learned one: what the model continues from. */
    public static int promptLength(TokenSequence sequence) {
        for (int i = 0; i < sequence.length(); i++) {
            if (sequence.learned()[i]) {
                return i;
            }
        }
        return sequence.length();
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
