package dev.llmfleet.deploy.faults;

import dev.llmfleet.model.faults.HoldPoints;
import dev.llmfleet.trainer.TrainerServiceApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.client.RestClient;

/**
 * The trainer in a JVM of its own, so that it can really be killed: {@link #kill} is SIGKILL (no
 * shutdown hook, no finally block runs). It listens on a port chosen here, so a restarted trainer is
 * told apart from the dead one the registry still lists for a while.
 */
final class TrainerProcess {

    private final Process process;
    private final int port;

    private TrainerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a trainer with {@code args}, holding at {@code holdPoints} (none: it never holds). */
    static TrainerProcess start(List<String> args, List<String> holdPoints, Path markers, Path log) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx768m",
                "-XX:TieredStopAtLevel=1", // starts faster; the model's arithmetic runs in PyTorch anyway
                "--enable-native-access=ALL-UNNAMED",
                "-Dai.djl.offline=true",
                "-D" + HoldPoints.MARKER_DIR + "=" + markers));
        if (!holdPoints.isEmpty()) {
            command.add("-D" + HoldPoints.HOLD_AT + "=" + String.join(",", holdPoints));
        }
        command.addAll(
                List.of("-cp", System.getProperty("java.class.path"), TrainerServiceApplication.class.getName()));
        command.addAll(args);
        command.add("--server.port=" + port);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new TrainerProcess(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Waits until the trainer answers its status; throws when it died or did not within {@code limit}. */
    void awaitReady(Duration limit) {
        RestClient client = RestClient.create(baseUrl());
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the trainer exited with " + process.exitValue() + " while starting");
            }
            try {
                client.get().uri("/api/trainer/status").retrieve().toBodilessEntity();
                return;
            } catch (RuntimeException notYet) {
                Poll.pause(Duration.ofMillis(200));
            }
        }
        throw new IllegalStateException("the trainer did not answer within " + limit);
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing the trainer", e);
        }
    }

    /** A graceful stop (SIGTERM), for the end of a run. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
