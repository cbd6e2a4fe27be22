package dev.llmfleet.model.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointWriterTest {

    @TempDir
    Path root;

    @Test
    void refusesCheckpointWithOneCorruptedByteNamingTheFile() throws IOException {
        Path checkpoint = CheckpointWriter.write(root.resolve("step-1"), files("weights"));
        flipOneByte(checkpoint.resolve("model.params"), 10);

        assertThatThrownBy(() -> CheckpointReader.open(checkpoint))
                .isInstanceOf(CheckpointCorruptedException.class)
                .hasMessageContaining("model.params");
    }

    @Test
    void interruptedSaveLeavesPreviousCheckpointNewestComplete() throws IOException {
        CheckpointWriter.write(root.resolve("step-1"), files("first"));
        List<CheckpointEntry> failing = List.of(
                CheckpointEntry.text("config.json", "{}"),
                new CheckpointEntry("model.params", out -> {
                    out.write(new byte[100]);
                    throw new IOException("disk unplugged half-way");
                }),
                CheckpointEntry.text("training-state.json", "{}"));

        assertThatThrownBy(() -> CheckpointWriter.write(root.resolve("step-2"), failing))
                .hasMessageContaining("disk unplugged");

        assertThat(CheckpointReader.latestComplete(root))
                .hasValueSatisfying(c -> assertThat(c.directory().getFileName()).hasToString("step-1"));
        try (var children = Files.list(root)) {
            assertThat(children).extracting(p -> p.getFileName().toString()).containsExactly("step-1");
        }
    }

    @Test
    void manifestListsEveryFileWithItsDigest() throws IOException {
        VerifiedCheckpoint checkpoint =
                CheckpointReader.open(CheckpointWriter.write(root.resolve("step-1"), files("weights")));

        assertThat(checkpoint.manifest().files())
                .extracting(Manifest.FileDigest::path)
                .containsExactly("config.json", "model.params");
        assertThat(checkpoint.manifest().files().get(1).sha256()).hasSize(64);
    }

    @Test
    void neverOverwritesAnExistingCheckpoint() throws IOException {
        CheckpointWriter.write(root.resolve("step-1"), files("first"));

        assertThatThrownBy(() -> CheckpointWriter.write(root.resolve("step-1"), files("second")))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    }

    private static List<CheckpointEntry> files(String weights) {
        return List.of(
                CheckpointEntry.text("config.json", "{\"layers\": 2}"),
                CheckpointEntry.text("model.params", weights.repeat(20)));
    }

    private static void flipOneByte(Path file, long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x01);
        }
    }
}
