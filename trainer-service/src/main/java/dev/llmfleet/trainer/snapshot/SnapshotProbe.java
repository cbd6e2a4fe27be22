package dev.llmfleet.trainer.snapshot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.llmfleet.api.trainer.SnapshotAnswer;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.chat.ChatTemplate;
import dev.llmfleet.model.chat.TokenSequence;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.ModelFiles;
import dev.llmfleet.model.checkpoint.VerifiedCheckpoint;
import dev.llmfleet.model.generate.GenerationParams;
import dev.llmfleet.model.generate.Generator;
import dev.llmfleet.model.gpt.LanguageModelLoss;
import dev.llmfleet.model.runtime.NativeRuntime;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import dev.llmfleet.trainer.engine.DatasetFormat;
import dev.llmfleet.trainer.validation.Example;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Asks the model saved in a checkpoint the fixed prompts: its greedy answer and the loss of the
 * expected answer for each. Everything native lives and dies inside {@link #answer}.
 */
final class SnapshotProbe {

    private SnapshotProbe() {}

    static List<SnapshotAnswer> answer(Path checkpoint, List<Example> prompts, int maxNewTokens) {
        VerifiedCheckpoint verified = CheckpointReader.open(checkpoint);
        try (NDManager root = NDManager.newBaseManager(NativeRuntime.preferredDevice());
                FleetTokenizer tokenizer = ModelFiles.loadTokenizer(verified);
                CausalLanguageModel model = ModelFiles.loadModel(verified, root)) {
            ChatTemplate template = new ChatTemplate(tokenizer);
            Generator generator = new Generator(model, tokenizer, template.stopTokens());
            List<SnapshotAnswer> answers = new ArrayList<>();
            for (int i = 0; i < prompts.size(); i++) {
                Example example = prompts.get(i);
                TokenSequence full =
                        sequence(template, example).truncate(model.config().contextLength());
                int promptLength = promptLength(full);
                String answer = generator
                        .generate(Arrays.copyOf(full.ids(), promptLength), GenerationParams.greedy(maxNewTokens))
                        .text()
                        .strip();
                String expected = example.answer().strip();
                answers.add(new SnapshotAnswer(
                        i, example.prompt(), expected, answer, answer.equals(expected), loss(model, full)));
            }
            return answers;
        }
    }

    private static TokenSequence sequence(ChatTemplate template, Example example) {
        return example.spec().format() == DatasetFormat.COMPLETION_V1
                ? template.completion(example.prompt(), example.answer())
                : template.conversation(example.messages());
    }

    /** The tokens before the first learned one: what the model continues from. */
    private static int promptLength(TokenSequence sequence) {
        for (int i = 0; i < sequence.length(); i++) {
            if (sequence.learned()[i]) {
                return i;
            }
        }
        return sequence.length();
    }

    private static double loss(CausalLanguageModel model, TokenSequence sequence) {
        int length = sequence.length() - 1;
        long[] inputs = new long[length];
        long[] targets = new long[length];
        float[] mask = new float[length];
        for (int t = 0; t < length; t++) {
            inputs[t] = sequence.ids()[t];
            targets[t] = sequence.ids()[t + 1];
            mask[t] = sequence.learned()[t + 1] ? 1f : 0f;
        }
        try (NDManager scope = model.manager().newSubManager()) {
            NDArray logits = model.forward(scope.create(inputs, new Shape(1, length)), null);
            return LanguageModelLoss.maskedCrossEntropy(
                            logits,
                            scope.create(targets, new Shape(1, length)),
                            scope.create(mask, new Shape(1, length)))
                    .getFloat();
        }
    }
}
