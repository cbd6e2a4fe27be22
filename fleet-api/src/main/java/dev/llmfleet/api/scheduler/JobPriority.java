package dev.llmfleet.api.scheduler;

/** The three queues; a higher priority is always served first, FIFO inside each. */
public enum JobPriority {
    HIGH(0),
    NORMAL(1),
    LOW(2);

    private final int rank;

    JobPriority(int rank) {
        this.rank = rank;
    }

    /** 0 for the first served; the scheduler orders by rank, then by queue position. */
    public int rank() {
        return rank;
    }
}
