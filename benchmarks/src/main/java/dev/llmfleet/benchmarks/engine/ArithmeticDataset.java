package dev.llmfleet.benchmarks.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every single-digit addition as a chat line: the same data for the engine and the bare loop. */
final class ArithmeticDataset {

    private ArithmeticDataset() {}

    static Path write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int a = 0; a < 10; a++) {
            for (int b = 0; b < 10; b++) {
                lines.add("{\"messages\":[{\"role\":\"user\",\"content\":\"What is %d+%d?\"},".formatted(a, b)
                        + "{\"role\":\"assistant\",\"content\":\"%d\"}]}".formatted(a + b));
            }
        }
        return Files.write(file, lines);
    }
}
