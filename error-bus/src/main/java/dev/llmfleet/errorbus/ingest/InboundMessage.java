package dev.llmfleet.errorbus.ingest;

/**
 * One message taken from the bus, whichever transport it came over.
 *
 * @param messageId the message id (JetStream's {@code Nats-Msg-Id}, or the inbox's), or a stand-in
 *     made of the stream sequence when it had none
 * @param subject the subject it was published to
 * @param payload the raw bytes
 * @param deliveries how many times it has been delivered, this time included
 */
record InboundMessage(String messageId, String subject, byte[] payload, int deliveries) {}
