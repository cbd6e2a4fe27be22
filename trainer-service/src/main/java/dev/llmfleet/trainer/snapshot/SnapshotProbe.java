package dev.llmfleet.trainer.snapshot;

import dev.llmfleet.api.trainer.SnapshotAnswer;
import dev.llmfleet.model.chat.ChatFormat;
import dev.llmfleet.model.chat.TokenSequence;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.VerifiedCheckpoint;
import dev.llmfleet.model.lora.LoraFiles;
import dev.llmfleet.trainer.engine.AnswerProbe;
import dev.llmfleet.trainer.engine.DatasetFormat;
import dev.llmfleet.trainer.validation.Example;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Asks the model saved in a checkpoint the fixed prompts: its greedy answer and the loss of the
 * expected answer for each. Everything native lives and dies inside {@link #answer}.
 */
final class SnapshotProbe {

    private SnapshotProbe() {}

    /** {@code bases} finds the version with a manifest digest: the base a LoRA checkpoint's adapter goes on. */
    static List<SnapshotAnswer> answer(
            Path checkpoint, Function<String, Optional<Path>> bases, List<Example> prompts, int maxNewTokens) {
        VerifiedCheckpoint verified = CheckpointReader.open(checkpoint);
        VerifiedCheckpoint base = null;
        if (LoraFiles.isAdapter(verified)) {
            String baseSha = LoraFiles.readConfig(verified).baseManifestSha256();
            base = CheckpointReader.open(Optional.ofNullable(baseSha)
                    .flatMap(bases)
                    .orElseThrow(() -> new IllegalStateException(
                            "the base of adapter " + checkpoint + " (manifest " + baseSha + ") is no version")));
        }
        try (AnswerProbe probe = AnswerProbe.open(verified, base)) {
            List<SnapshotAnswer> answers = new ArrayList<>();
            for (int i = 0; i < prompts.size(); i++) {
                Example example = prompts.get(i);
                TokenSequence full = sequence(probe.template(), example).truncate(probe.contextLength());
                String answer = probe.answer(full, maxNewTokens);
                String expected = example.answer().strip();
                answers.add(new SnapshotAnswer(
                        i, example.prompt(), expected, answer, answer.equals(expected), probe.loss(full)));
            }
            return answers;
        }
    }

    private static TokenSequence sequence(ChatFormat template, Example example) {
        return example.spec().format() == DatasetFormat.COMPLETION_V1
                ? template.completion(example.prompt(), example.answer())
                : template.conversation(example.messages());
    }
}
