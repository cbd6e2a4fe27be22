package dev.llmfleet.cli;

import dev.llmfleet.api.trainer.TrainerState;
import dev.llmfleet.api.trainer.TrainerStatus;
import java.util.Locale;

/**
 * A run's progress as one line: bar, step/total, loss, validation loss, tokens/s and ETA. On a
 * terminal the line is redrawn in place ({@code \r}, padded over what was there); elsewhere each
 * change is a line of its own. No I/O: it returns the text to write.
 */
final class ProgressRenderer {

    private final int barWidth;
    private final boolean inPlace;
    private String previous;

    ProgressRenderer(int barWidth, boolean inPlace) {
        if (barWidth < 1) {
            throw new IllegalArgumentException("barWidth must be positive, was " + barWidth);
        }
        this.barWidth = barWidth;
        this.inPlace = inPlace;
    }

    /** The text to write for {@code status}: empty when the line would not change. */
    String update(TrainerStatus status) {
        String line = line(status);
        if (line.equals(previous)) {
            return "";
        }
        String text = inPlace ? "\r" + line + " ".repeat(Math.max(0, width(previous) - line.length())) : line + "\n";
        previous = line;
        return text;
    }

    /** Ends the line being redrawn, so that what follows starts on a line of its own. */
    String finish() {
        return inPlace && previous != null ? "\n" : "";
    }

    String line(TrainerStatus status) {
        StringBuilder line = new StringBuilder()
                .append(bar(status.step(), status.totalSteps()))
                .append("  ")
                .append(status.step())
                .append('/')
                .append(status.totalSteps())
                .append("  ")
                .append(percent(status.step(), status.totalSteps()))
                .append("  loss ")
                .append(Formats.decimal(status.loss(), 4))
                .append("  val ")
                .append(Formats.decimal(status.validationLoss(), 4))
                .append("  ")
                .append(status.tokensPerSecond() == null ? Formats.NONE : Formats.grouped(status.tokensPerSecond()))
                .append(" tok/s  ETA ")
                .append(Formats.duration(status.etaSeconds()));
        if (status.state() != TrainerState.TRAINING) {
            line.append("  ").append(status.state());
        }
        return line.toString();
    }

    /** {@code [#####.....]}: the done share of {@code barWidth} cells, rounded down; never past full. */
    String bar(long step, long total) {
        int done = total <= 0 ? 0 : (int) Math.min(barWidth, step * barWidth / total);
        return "[" + "#".repeat(done) + ".".repeat(barWidth - done) + "]";
    }

    private static String percent(long step, long total) {
        return total <= 0 ? " --%" : String.format(Locale.ROOT, "%3d%%", Math.min(100, step * 100 / total));
    }

    private static int width(String line) {
        return line == null ? 0 : line.length();
    }
}
