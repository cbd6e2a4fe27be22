package dev.llmfleet.api.errorbus;

/**
 * A stored event with its place in the error-bus's event log, for readers that must see every
 * event exactly once and in order (a durable subscription that keeps its position).
 *
 * @param seq the event's position in the log: assigned when it is stored, increasing in the order
 *     events become visible to readers, with gaps; a reader that has handled up to {@code seq} asks
 *     for what comes after it
 * @param event the event
 */
public record SequencedEvent(long seq, FleetEvent event) {}
