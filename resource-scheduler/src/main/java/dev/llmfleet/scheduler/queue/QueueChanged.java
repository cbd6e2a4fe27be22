package dev.llmfleet.scheduler.queue;

/**
 * Published (after commit) when a job became claimable or a device became free, so that the
 * device schedulers look again at once instead of on their next tick.
 */
public record QueueChanged(String why) {}
