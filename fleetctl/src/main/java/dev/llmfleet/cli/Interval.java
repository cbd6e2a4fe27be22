package dev.llmfleet.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code 500ms}, {@code 2s}, {@code 1m}, or a number of seconds ({@code 0.5}): how often to poll. */
final class Interval implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        try {
            Duration duration;
            if (text.endsWith("ms")) {
                duration = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            } else if (text.endsWith("s")) {
                duration = seconds(text.substring(0, text.length() - 1));
            } else if (text.endsWith("m")) {
                duration = Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            } else {
                duration = seconds(text);
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new TypeConversionException("'" + value + "' is not a positive interval");
            }
            return duration;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not an interval (e.g. 500ms, 2s, 1m)");
        }
    }

    private static Duration seconds(String number) {
        return Duration.ofMillis(Math.round(Double.parseDouble(number) * 1000));
    }
}
