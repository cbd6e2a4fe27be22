package dev.llmfleet.trainer.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileNamesTest {

    @TempDir
    Path dir;

    @Test
    void keepsOnlyTheLastSegmentOfATraversingName() {
        assertThat(FileNames.sanitise("../../etc/x.jsonl")).isEqualTo("x.jsonl");
        assertThat(FileNames.sanitise("..\\..\\windows\\y.jsonl")).isEqualTo("y.jsonl");
        assertThat(FileNames.sanitise("..")).isEqualTo("unnamed.jsonl");
        assertThat(FileNames.sanitise(".hidden.jsonl")).isEqualTo("hidden.jsonl");
        assertThat(FileNames.sanitise("my data (1).jsonl")).isEqualTo("my_data__1_.jsonl");
    }

    @Test
    void flattensSubFoldersIntoTheName() {
        assertThat(FileNames.flatten(Path.of("team a", "week 1", "data.jsonl")))
                .isEqualTo("team_a__week_1__data.jsonl");
    }

    @Test
    void neverReusesTheNameOfAnExistingFileOrReport() throws IOException {
        Files.writeString(dir.resolve("x.jsonl"), "first");
        Files.writeString(dir.resolve("x-1.jsonl.report.json"), "{}");

        Path next = FileNames.unused(dir, "../x.jsonl");

        assertThat(next).isEqualTo(dir.resolve("x-2.jsonl"));
        assertThat(Files.readString(dir.resolve("x.jsonl"))).isEqualTo("first");
    }
}
