package dev.llmfleet.cli;

import static dev.llmfleet.cli.FleetConnection.TRAINER;

import dev.llmfleet.api.trainer.ControlAction;
import dev.llmfleet.api.trainer.TrainerClient;
import dev.llmfleet.api.trainer.TrainerStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/** The training host's run: its status and the operator's graceful controls. */
@Command(
        name = "train",
        description = "See and control the training run: status, pause, resume, stop, skip, watch.",
        subcommands = {
            TrainCommand.Status.class,
            TrainCommand.Pause.class,
            TrainCommand.Resume.class,
            TrainCommand.Stop.class,
            TrainCommand.Skip.class,
            TrainWatchCommand.class
        })
final class TrainCommand {

    static void printStatus(Output out, TrainerStatus status) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("State", status.state().toString());
        fields.put(
                "Dataset",
                status.dataset() == null
                        ? Formats.NONE
                        : "%s (%s)".formatted(Formats.text(status.datasetName()), Formats.shortSha(status.dataset())));
        fields.put("Job", Formats.text(status.jobId()));
        fields.put(
                "Progress",
                new ProgressRenderer(30, false).bar(status.step(), status.totalSteps()) + " " + status.step() + "/"
                        + status.totalSteps());
        fields.put(
                "Loss",
                "%s (validation %s, gap %s)"
                        .formatted(
                                Formats.decimal(status.loss(), 4),
                                Formats.decimal(status.validationLoss(), 4),
                                Formats.decimal(status.gap(), 4)));
        fields.put(
                "Speed",
                "%s tokens/s, ETA %s"
                        .formatted(
                                status.tokensPerSecond() == null
                                        ? Formats.NONE
                                        : Formats.grouped(status.tokensPerSecond()),
                                Formats.duration(status.etaSeconds())));
        fields.put(
                "Checkpoint",
                status.checkpointStep() == null
                        ? Formats.NONE
                        : "step " + status.checkpointStep()
                                + (status.resumedFromStep() == null
                                        ? ""
                                        : " (resumed from step " + status.resumedFromStep() + ")"));
        fields.put(
                "Paused job",
                status.pausedJobId() == null ? null : status.pausedJobId().toString());
        fields.put("Last event", Formats.text(status.lastEvent()));
        fields.put("Updated", Formats.time(status.updatedAt()));
        out.fields(fields);
    }

    @Command(name = "status", description = "The trainer's state and the current (or last) run's progress.")
    static final class Status extends FleetCommand {
        @Override
        public Integer call() {
            TrainerStatus status = client(TRAINER, TrainerClient.class).status();
            Output out = out();
            out.print(status, () -> printStatus(out, status));
            return ExitCodes.OK;
        }
    }

    /** One graceful control: answers the trainer's state right after it took the request. */
    abstract static class Control extends FleetCommand {
        abstract ControlAction action();

        @Override
        public Integer call() {
            TrainerStatus status = client(TRAINER, TrainerClient.class).control(action());
            Output out = out();
            out.print(status, () -> {
                out.line(action() + " requested: " + Formats.text(status.lastEvent()));
                printStatus(out, status);
            });
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "pause",
            description = "Finish the batch, checkpoint, keep the job for resume; when idle, take no new work.")
    static final class Pause extends Control {
        @Override
        ControlAction action() {
            return ControlAction.PAUSE;
        }
    }

    @Command(name = "resume", description = "Take work again; a paused job goes back on the queue.")
    static final class Resume extends Control {
        @Override
        ControlAction action() {
            return ControlAction.RESUME;
        }
    }

    @Command(name = "stop", description = "Finish the batch, checkpoint, and leave the job PAUSED on the scheduler.")
    static final class Stop extends Control {
        @Override
        ControlAction action() {
            return ControlAction.STOP;
        }
    }

    @Command(name = "skip", description = "Finish the batch, checkpoint, and send the job to the end of the LOW queue.")
    static final class Skip extends Control {
        @Override
        ControlAction action() {
            return ControlAction.SKIP;
        }
    }
}
