package dev.llmfleet.api.errorbus;

import java.time.Instant;

/**
 * A message the error-bus could not store: unparseable, invalid, or failing to store after the
 * configured number of deliveries. Nothing is dropped silently; it is kept here with the reason.
 *
 * @param id the dead letter's own id
 * @param messageId the message id it carried, or a stand-in made of the stream sequence
 * @param subject the subject it was published to
 * @param reason why it could not be stored
 * @param payload the raw payload, as text
 * @param deliveries how many times it was delivered before it was given up
 * @param deadAt when it was given up
 */
public record DeadLetter(
        long id, String messageId, String subject, String reason, String payload, int deliveries, Instant deadAt) {}
