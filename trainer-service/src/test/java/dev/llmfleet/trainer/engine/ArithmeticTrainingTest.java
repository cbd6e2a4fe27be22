package dev.llmfleet.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.chat.ChatMessage;
import dev.llmfleet.model.chat.ChatTemplate;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.ModelFiles;
import dev.llmfleet.model.checkpoint.VerifiedCheckpoint;
import dev.llmfleet.model.generate.GenerationParams;
import dev.llmfleet.model.generate.Generator;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArithmeticTrainingTest {

    @TempDir
    Path workDir;

    @Test
    void learnsSingleDigitAdditionAndAnswersHeldOutQuestions() throws Exception {
        ArithmeticChatData.Split split = ArithmeticChatData.split(40, 7);
        Path dataset = ArithmeticChatData.writeChatJsonl(workDir.resolve("data/train.jsonl"), split.training());
        Path tokenizer = EngineFixtures.shippedTokenizer(workDir.resolve("tokenizer"));
        TrainingSettings settings = EngineFixtures.settings(dataset, tokenizer, workDir.resolve("run"), 600);

        TrainingResult result = new TrainingEngine(settings, List.of()).train(new TrainingControl());

        double initialLoss = result.losses().getFirst();
        double lastValidation = result.evaluations().getLast().validationLoss();
        double accuracy = exactMatch(result.lastCheckpoint(), split.heldOut());
        assertThat(lastValidation).isLessThan(initialLoss / 10);
        assertThat(accuracy).isGreaterThan(0.9);
    }

    private static double exactMatch(Path checkpoint, List<ArithmeticChatData.Question> questions) {
        VerifiedCheckpoint verified = CheckpointReader.open(checkpoint);
        int correct = 0;
        try (NDManager manager = NDManager.newBaseManager();
                FleetTokenizer tokenizer = ModelFiles.loadTokenizer(verified);
                CausalLanguageModel model = ModelFiles.loadModel(verified, manager)) {
            ChatTemplate template = new ChatTemplate(tokenizer);
            Generator generator = new Generator(model, tokenizer, template.stopTokens());
            for (ArithmeticChatData.Question q : questions) {
                int[] prompt = template.prompt(List.of(ChatMessage.user(q.text())));
                String answer =
                        generator.generate(prompt, GenerationParams.greedy(4)).text();
                correct += answer.equals(q.answer()) ? 1 : 0;
            }
        }
        return (double) correct / questions.size();
    }
}
