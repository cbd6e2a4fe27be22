package dev.llmfleet.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Each case runs in a fresh JVM, since a JVM loads PyTorch's library once: in the test's own JVM
 * another test has loaded it already.
 */
class NativeRuntimeTest {

    @Test
    void aServiceThatStartsTheEngineCanSwitchGradientsOffFirst() throws Exception {
        Result result = inFreshJvm("start");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("grad mode off");
    }

    @Test
    void withoutTheStartTheFirstNativeCallFindsNoLibrary() throws Exception {
        // what the trainer did when its first job after a restart was an evaluation
        Result result = inFreshJvm("no-start");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("UnsatisfiedLinkError", "torchSetGradMode");
    }

    /** The child: starts the engine or not, then makes the evaluator's first native call. */
    public static void main(String[] args) {
        if (args[0].equals("start")) {
            NativeRuntime.start(1, 1);
        } else {
            NativeRuntime.configure(1, 1);
        }
        JniUtils.setGradMode(false);
        System.out.println("grad mode off");
    }

    private record Result(int exitCode, String output) {}

    private static Result inFreshJvm(String mode) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        NativeRuntimeTest.class.getName(),
                        mode))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
