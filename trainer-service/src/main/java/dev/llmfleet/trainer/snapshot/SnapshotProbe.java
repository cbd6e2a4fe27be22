package dev.llmfleet.trainer.snapshot;

import dev.llmfleet.api.trainer.SnapshotAnswer;
import dev.llmfleet.model.chat.ChatFormat;
import dev.llmfleet.model.chat.TokenSequence;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.trainer.engine.AnswerProbe;
import dev.llmfleet.trainer.engine.DatasetFormat;
import dev.llmfleet.trainer.validation.Example;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the model saved in a checkpoint the fixed prompts: its greedy answer and the loss of the
 * expected answer for each. Everything native lives and dies inside {@link #answer}.
 */
final class SnapshotProbe {

    private SnapshotProbe() {}

    static List<SnapshotAnswer> answer(Path checkpoint, List<Example> prompts, int maxNewTokens) {
        try (AnswerProbe probe = AnswerProbe.open(CheckpointReader.open(checkpoint))) {
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
