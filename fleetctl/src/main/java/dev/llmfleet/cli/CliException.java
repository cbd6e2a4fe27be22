package dev.llmfleet.cli;

/** A failure to report to the user in one line, with the exit code scripts see. */
public class CliException extends RuntimeException {

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static CliException notLoggedIn() {
        return new CliException(
                ExitCodes.NOT_AUTHENTICATED,
                "Not logged in: run 'fleetctl login' with a client id and secret, or an API key");
    }
}
