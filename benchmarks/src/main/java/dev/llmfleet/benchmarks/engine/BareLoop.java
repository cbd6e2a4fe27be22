package dev.llmfleet.benchmarks.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.chat.ChatMessage;
import dev.llmfleet.model.chat.ChatTemplate;
import dev.llmfleet.model.chat.TokenSequence;
import dev.llmfleet.model.gpt.GptConfig;
import dev.llmfleet.model.gpt.GptModel;
import dev.llmfleet.model.gpt.LanguageModelLoss;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The floor the engine is compared with: the same model and batch size, forward, loss, backward
 * and an inline Adam update, with no schedule, clipping, listeners, evaluation or checkpoints.
 */
final class BareLoop {

    private final GptConfig config;
    private final List<TokenSequence> examples;
    private final int batchSize;
    private final int padId;

    BareLoop(GptConfig config, Path tokenizerJson, Path dataset, int batchSize) throws IOException {
        this.config = config;
        this.batchSize = batchSize;
        this.examples = new ArrayList<>();
        try (FleetTokenizer tokenizer = FleetTokenizer.load(tokenizerJson)) {
            ChatTemplate template = new ChatTemplate(tokenizer);
            for (String line : Files.readAllLines(dataset)) {
                String question = line.replaceAll(".*\"content\":\"(What[^\"]*)\".*", "$1");
                String answer = line.replaceAll(".*\"content\":\"(\\d+)\".*", "$1");
                examples.add(template.conversation(List.of(ChatMessage.user(question), ChatMessage.assistant(answer))));
            }
            this.padId = tokenizer.idOf("<|pad|>");
        }
    }

    double tokensPerSecond(int warmupSteps, int measuredSteps) {
        try (NDManager root = NDManager.newBaseManager();
                CausalLanguageModel model = GptModel.create(config, root, 42)) {
            Map<String, NDArray[]> moments = new HashMap<>();
            model.parameters()
                    .asMap()
                    .forEach((name, p) ->
                            moments.put(name, new NDArray[] {root.zeros(p.getShape()), root.zeros(p.getShape())}));
            long tokens = 0;
            long start = 0;
            for (int step = 0; step < warmupSteps + measuredSteps; step++) {
                if (step == warmupSteps) {
                    start = System.nanoTime();
                    tokens = 0;
                }
                tokens += trainStep(model, moments, step);
            }
            return tokens / ((System.nanoTime() - start) / 1e9);
        }
    }

    private long trainStep(CausalLanguageModel model, Map<String, NDArray[]> moments, int step) {
        int from = (step * batchSize) % examples.size();
        List<TokenSequence> batch = new ArrayList<>();
        for (int i = 0; i < batchSize; i++) {
            batch.add(examples.get((from + i) % examples.size()));
        }
        int length = batch.stream().mapToInt(TokenSequence::length).max().orElseThrow() - 1;
        long[] inputs = new long[batchSize * length];
        long[] targets = new long[batchSize * length];
        float[] mask = new float[batchSize * length];
        java.util.Arrays.fill(inputs, padId);
        java.util.Arrays.fill(targets, padId);
        long tokens = 0;
        for (int r = 0; r < batchSize; r++) {
            TokenSequence s = batch.get(r);
            for (int t = 0; t + 1 < s.length(); t++) {
                inputs[r * length + t] = s.ids()[t];
                targets[r * length + t] = s.ids()[t + 1];
                mask[r * length + t] = s.learned()[t + 1] ? 1 : 0;
                tokens++;
            }
        }
        try (NDManager scope = model.manager().newSubManager()) {
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = model.forward(scope.create(inputs, new Shape(batchSize, length)), null);
                NDArray loss = LanguageModelLoss.maskedCrossEntropy(
                        logits,
                        scope.create(targets, new Shape(batchSize, length)),
                        scope.create(mask, new Shape(batchSize, length)));
                collector.backward(loss);
            }
            model.parameters().asMap().forEach((name, p) -> adam(p, moments.get(name), scope, step + 1));
        }
        return tokens;
    }

    private static void adam(NDArray p, NDArray[] moments, NDManager scope, int t) {
        NDArray g = p.getGradient();
        g.attach(scope);
        moments[0].muli(0.9).addi(g.mul(0.1));
        moments[1].muli(0.99).addi(g.square().muli(0.01));
        NDArray denominator = moments[1].div(1 - Math.pow(0.99, t));
        denominator.attach(scope);
        NDArray update = moments[0].div(1 - Math.pow(0.9, t));
        update.attach(scope);
        p.subi(update.divi(denominator.sqrt().addi(1e-8)).muli(3e-3));
        g.muli(0);
    }
}
