package dev.llmfleet.cli;

/** The exit codes scripts can rely on; {@link FleetCtl}'s help lists them. */
public final class ExitCodes {

    public static final int OK = 0;
    /** The fleet refused or could not do it: a rejected dataset, an illegal move, a failed consolidation. */
    public static final int FAILURE = 1;
    /** A bad command line: unknown option, missing argument, a value out of its set. */
    public static final int USAGE = 2;
    /** No stored credentials, or the fleet refused them. */
    public static final int NOT_AUTHENTICATED = 3;
    /** The job, version, dataset, backup or snapshot asked for does not exist. */
    public static final int NOT_FOUND = 4;
    /** The fleet, or the service a command needs, does not answer. */
    public static final int UNREACHABLE = 5;
    /** A command that runs until stopped ({@code train watch}, {@code errors --follow}) was interrupted. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
