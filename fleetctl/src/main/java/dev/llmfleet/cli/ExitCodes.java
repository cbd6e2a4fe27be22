package dev.llmfleet.cli;

/** The exit codes scripts can rely on. */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int NOT_AUTHENTICATED = 3;
    public static final int NOT_FOUND = 4;
    public static final int UNREACHABLE = 5;

    private ExitCodes() {}
}
