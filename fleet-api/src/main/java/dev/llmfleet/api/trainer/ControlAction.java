package dev.llmfleet.api.trainer;

import java.util.Locale;

/** The operator's graceful controls; each is also a signal file {@code control/.<name>}. */
public enum ControlAction {
    PAUSE,
    RESUME,
    STOP,
    SKIP;

    /** The signal file's name, e.g. {@code .pause}. */
    public String signalFileName() {
        return "." + name().toLowerCase(Locale.ROOT);
    }
}
