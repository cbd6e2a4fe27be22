package dev.llmfleet.benchmarks.curriculum;

import dev.llmfleet.api.orchestrator.SkillExample;
import dev.llmfleet.model.chat.ChatMessage;
import dev.llmfleet.model.chat.TokenSequence;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.gpt.GptConfig;
import dev.llmfleet.model.runtime.NativeRuntime;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import dev.llmfleet.orchestrator.curriculum.ArithmeticSkill;
import dev.llmfleet.orchestrator.curriculum.ChatDataset;
import dev.llmfleet.orchestrator.curriculum.CurriculumService;
import dev.llmfleet.trainer.engine.AnswerProbe;
import dev.llmfleet.trainer.engine.CheckpointSaved;
import dev.llmfleet.trainer.engine.DatasetFormat;
import dev.llmfleet.trainer.engine.StepProgress;
import dev.llmfleet.trainer.engine.TrainingControl;
import dev.llmfleet.trainer.engine.TrainingEngine;
import dev.llmfleet.trainer.engine.TrainingListener;
import dev.llmfleet.trainer.engine.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How many steps the demo's model needs to pass an arithmetic level: trains one run from scratch on
 * the curriculum's data for the level (a review share of the levels below) and answers the
 * level's validation suite greedily at every checkpoint, printing accuracy against steps and time.
 * Run: {@code ./mvnw -q -pl benchmarks exec:exec -Dbench=dev.llmfleet.benchmarks.curriculum.ArithmeticLevelHarness}
 * (level 3, the demo's 2-layer 64-wide model, 8,000 steps of 32); other settings through
 * {@code java -cp ... ArithmeticLevelHarness level layers heads hidden steps batch lr examples
 * checkpointEvery threads}. Examples are distinct, so a level with fewer questions gets fewer.
 */
public final class ArithmeticLevelHarness {

    /** The curriculum's defaults: validation questions per level, and the share of review questions. */
    private static final int SUITE = 50;

    private static final double REVIEW_SHARE = 0.25;

    public static void main(String[] args) throws Exception {
        int level = arg(args, 0, 3);
        int layers = arg(args, 1, 2);
        int heads = arg(args, 2, 4);
        int hidden = arg(args, 3, 64);
        int steps = arg(args, 4, 8000);
        int batch = arg(args, 5, 32);
        double lr = args.length > 6 ? Double.parseDouble(args[6]) : 3e-3;
        int examples = arg(args, 7, 8000);
        int every = arg(args, 8, 500);
        NativeRuntime.configure(arg(args, 9, 2), 1);
        ArithmeticSkill skill = new ArithmeticSkill();
        Path work = Files.createTempDirectory("arith-level");
        List<SkillExample> suite = CurriculumService.validationSuite(skill, level, SUITE);
        List<SkillExample> data = CurriculumService.trainingExamples(skill, level, examples, REVIEW_SHARE, SUITE, 7);
        Path file = Files.writeString(work.resolve("train.jsonl"), ChatDataset.toJsonLines(skill, data));
        Path tokenizer;
        try (FleetTokenizer shipped = FleetTokenizer.shipped(work.resolve("tokenizer"))) {
            tokenizer = shipped.source();
        }
        System.out.printf(
                "level=%d model=%dx%d heads=%d steps=%d batch=%d lr=%s examples=%d%n",
                level, layers, hidden, heads, steps, batch, lr, data.size());
        long started = System.nanoTime();
        TrainingSettings settings = new TrainingSettings(
                GptConfig.of(layers, heads, hidden, 64, 263),
                tokenizer,
                new TrainingSettings.Data(file, DatasetFormat.CHAT_SFT_V1, 0.0, 64),
                TrainingSettings.Optimizer.adamW(lr, 20),
                steps,
                batch,
                1,
                steps + 1,
                every,
                1000,
                42,
                work.resolve("run"));
        double[] loss = {0};
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onStep(StepProgress progress) {
                loss[0] = progress.loss();
            }

            @Override
            public void onCheckpoint(CheckpointSaved saved) {
                double accuracy = accuracy(saved.directory(), suite);
                System.out.printf(
                        "step %5d  %6.1f s  loss %.4f  level-%d accuracy %.2f%n",
                        saved.step(), (System.nanoTime() - started) / 1e9, loss[0], level, accuracy);
            }
        };
        new TrainingEngine(settings, List.of(listener)).train(new TrainingControl());
    }

    private static double accuracy(Path checkpoint, List<SkillExample> suite) {
        try (AnswerProbe probe = AnswerProbe.open(CheckpointReader.open(checkpoint))) {
            int right = 0;
            for (SkillExample e : suite) {
                TokenSequence sequence = probe.template()
                        .conversation(List.of(ChatMessage.user(e.prompt()), ChatMessage.assistant(e.answer())));
                if (probe.answer(sequence, 8).equals(e.answer())) {
                    right++;
                }
            }
            return right / (double) suite.size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    private ArithmeticLevelHarness() {}
}
