package dev.llmfleet.scheduler.queue;

/** A job was leased to {@code host}; wakes that host's long-polls (after commit). */
record LeaseGranted(String host) {}
