package dev.llmfleet.trainer.validation;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a file line by line as raw bytes, so that one line with bad UTF-8 or an absurd length is
 * reported on its own and the lines after it are still read.
 */
final class JsonLines {

    /** One line: its text, or why it has none. */
    record Line(long number, String text, String problemCode, String problem) {}

    interface LineHandler {
        void accept(Line line);
    }

    private JsonLines() {}

    /** Calls {@code handler} for every line; returns how many there were. */
    static long read(Path file, int maxLineLength, LineHandler handler) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream current = new ByteArrayOutputStream();
            long number = 0;
            long length = 0;
            boolean pending = false;
            for (int b; (b = in.read()) != -1; ) {
                pending = true;
                if (b == '\n') {
                    handler.accept(line(++number, current, length, maxLineLength));
                    current.reset();
                    length = 0;
                    pending = false;
                } else {
                    length++;
                    if (length <= maxLineLength * 4L) {
                        current.write(b);
                    }
                }
            }
            if (pending) {
                handler.accept(line(++number, current, length, maxLineLength));
            }
            return number;
        }
    }

    private static Line line(long number, ByteArrayOutputStream bytes, long length, int maxLineLength) {
        if (length > maxLineLength * 4L) {
            return new Line(
                    number,
                    null,
                    "line-too-long",
                    "line is " + length + " bytes, the limit is " + maxLineLength + " characters");
        }
        byte[] raw = bytes.toByteArray();
        int end = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw, 0, end))
                    .toString();
            if (text.length() > maxLineLength) {
                return new Line(
                        number,
                        null,
                        "line-too-long",
                        "line has " + text.length() + " characters, the limit is " + maxLineLength);
            }
            return new Line(number, text, null, null);
        } catch (CharacterCodingException e) {
            return new Line(number, null, "invalid-encoding", "line is not valid UTF-8");
        }
    }
}
