package dev.llmfleet.cli;

import static dev.llmfleet.cli.FleetConnection.TRAINER;

import dev.llmfleet.api.trainer.TrainerClient;
import dev.llmfleet.api.trainer.TrainerState;
import dev.llmfleet.api.trainer.TrainerStatus;
import java.io.Console;
import java.time.Duration;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Follows the run until it ends: a progress line redrawn in place on a terminal, one line per
 * change otherwise (or with {@code --plain}); with {@code --output json}, one status per change as
 * a JSON line. Ends when the trainer leaves the run's states, or on Ctrl-C.
 */
@Command(
        name = "watch",
        description = "Follow the run's progress (step/total, loss, validation loss, tokens/s, ETA) until it ends.")
final class TrainWatchCommand extends FleetCommand {

    static final Set<TrainerState> RUNNING =
            Set.of(TrainerState.TRAINING, TrainerState.PAUSING, TrainerState.STOPPING, TrainerState.SKIPPING);

    @Option(
            names = "--interval",
            defaultValue = "1s",
            converter = Interval.class,
            description = "How often to ask the trainer (default 1s; 500ms, 2s, ...)")
    Duration interval;

    @Option(names = "--plain", description = "One line per change, even on a terminal")
    boolean plain;

    @Option(names = "--width", defaultValue = "30", description = "The bar's width in characters (default 30)")
    int width;

    @Override
    public Integer call() {
        if (width < 1) {
            throw usage("--width must be at least 1");
        }
        TrainerClient trainer = client(TRAINER, TrainerClient.class);
        Output out = out();
        boolean inPlace = !plain && !out.json() && interactive();
        ProgressRenderer renderer = new ProgressRenderer(width, inPlace);
        // Ctrl-C ends the JVM: leave the prompt on a line of its own
        Thread endLine = new Thread(() -> out.raw(renderer.finish()), "fleetctl-watch-end");
        if (inPlace) {
            Runtime.getRuntime().addShutdownHook(endLine);
        }
        try {
            return follow(trainer, out, renderer);
        } finally {
            if (inPlace) {
                removeHook(endLine);
            }
        }
    }

    private int follow(TrainerClient trainer, Output out, ProgressRenderer renderer) {
        TrainerStatus last = null;
        try {
            while (true) {
                TrainerStatus status = trainer.status();
                if (out.json()) {
                    if (!status.equals(last)) {
                        out.jsonLine(status);
                    }
                } else {
                    out.raw(renderer.update(status));
                }
                last = status;
                if (!RUNNING.contains(status.state())) {
                    out.raw(renderer.finish());
                    if (!out.json()) {
                        out.line("%s: %s".formatted(status.state(), Formats.text(status.lastEvent())));
                    }
                    return ExitCodes.OK;
                }
                Thread.sleep(interval);
            }
        } catch (InterruptedException e) {
            return interrupted(out, renderer);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return interrupted(out, renderer);
            }
            out.raw(renderer.finish());
            throw e;
        }
    }

    private static int interrupted(Output out, ProgressRenderer renderer) {
        out.raw(renderer.finish());
        return ExitCodes.INTERRUPTED;
    }

    /** Whether stdout is a terminal a line can be redrawn on (JDK 22+ also has a console when it is not). */
    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJdk) {
            return true;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting (Ctrl-C): the hook runs and ends the line
        }
    }
}
