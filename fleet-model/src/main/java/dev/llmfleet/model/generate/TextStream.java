package dev.llmfleet.model.generate;

import dev.llmfleet.model.tokenizer.FleetTokenizer;
import java.util.Arrays;
import java.util.List;

/**
 * Turns generated tokens into text deltas whose concatenation is exactly the final text. Text is
 * held back while it ends in an incomplete UTF-8 character (byte tokens) or could be the start of
 * a stop sequence, because a streamed character can never be taken back.
 */
final class TextStream {

    private static final char INCOMPLETE = '\uFFFD';

    private final FleetTokenizer tokenizer;
    private final List<String> stops;
    private int[] tokens = new int[16];
    private int count;
    private String text = "";
    private int emitted;

    TextStream(FleetTokenizer tokenizer, List<String> stops) {
        this.tokenizer = tokenizer;
        this.stops = stops;
    }

    /** Adds a token; returns where a stop sequence starts in the text, or -1. */
    int add(int token) {
        if (count == tokens.length) {
            tokens = Arrays.copyOf(tokens, count * 2);
        }
        tokens[count++] = token;
        text = tokenizer.decode(Arrays.copyOf(tokens, count));
        for (String stop : stops) {
            int at = text.indexOf(stop, Math.max(0, emitted - stop.length()));
            if (at >= 0) {
                return at;
            }
        }
        return -1;
    }

    /** Text that is safe to send now; empty when nothing new is. */
    String delta() {
        int safe = text.length();
        while (safe > emitted && text.charAt(safe - 1) == INCOMPLETE) {
            safe--;
        }
        safe -= possibleStopStart(safe);
        return take(safe);
    }

    /** The rest of the text up to {@code end}, once the generation is over. */
    String finish(int end) {
        return take(Math.max(end, emitted));
    }

    String text(int end) {
        return text.substring(0, end);
    }

    int length() {
        return text.length();
    }

    private String take(int end) {
        if (end <= emitted) {
            return "";
        }
        String delta = text.substring(emitted, end);
        emitted = end;
        return delta;
    }

    /** The length of the longest suffix of {@code text[0, end)} that a stop sequence starts with. */
    private int possibleStopStart(int end) {
        int longest = 0;
        for (String stop : stops) {
            for (int n = Math.min(stop.length() - 1, end - emitted); n > longest; n--) {
                if (text.startsWith(stop.substring(0, n), end - n)) {
                    longest = n;
                    break;
                }
            }
        }
        return longest;
    }
}
