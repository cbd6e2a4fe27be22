package dev.llmfleet.starter.errors;

import dev.llmfleet.api.errorbus.FleetEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bus's wire format: one {@link FleetEvent} as compact JSON (ISO-8601 instants), independent of
 * how a service customises its own web JSON.
 */
public final class EventCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public byte[] encode(FleetEvent event) {
        return mapper.writeValueAsBytes(event);
    }

    /**
     * Reads one event.
     *
     * @throws IllegalArgumentException when the bytes are not an event
     */
    public FleetEvent decode(byte[] payload) {
        try {
            FleetEvent event = mapper.readValue(payload, FleetEvent.class);
            if (event == null) {
                throw new IllegalArgumentException("empty payload");
            }
            return event;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a fleet event: " + e.getOriginalMessage(), e);
        }
    }
}
