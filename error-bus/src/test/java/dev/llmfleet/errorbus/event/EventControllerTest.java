package dev.llmfleet.errorbus.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import dev.llmfleet.api.errorbus.FleetEvent;
import dev.llmfleet.api.errorbus.SequencedEvent;
import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.starter.web.ProblemDetailsAdvice;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(value = EventController.class, properties = "fleet.security.enabled=false")
@Import(ProblemDetailsAdvice.class)
class EventControllerTest {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    EventService events;

    @Test
    void answersAnUnknownEventWithAProblem404() {
        given(events.get("ghost")).willThrow(EventNotFoundException.forId("ghost"));

        assertThat(mvc.get().uri("/api/errorbus/events/ghost"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("event-not-found");
    }

    @Test
    void refusesATimeThatIsNotAnInstantWith400() {
        assertThat(mvc.get().uri("/api/errorbus/events?from=yesterday"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("invalid-parameter");
    }

    @Test
    void refusesCountsWithoutATimeRangeWith400() {
        assertThat(mvc.get().uri("/api/errorbus/events/counts"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void servesTheLogAfterAPositionWithEachEventsSequence() {
        FleetEvent event = new FleetEvent(
                "e-1",
                "trainer-service",
                null,
                Severity.ERROR,
                "job-failed",
                "m",
                List.of(),
                null,
                null,
                Instant.EPOCH);
        given(events.log(41, 500)).willReturn(List.of(new SequencedEvent(42, event)));

        assertThat(mvc.get().uri("/api/errorbus/events/log?after=41"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[0].seq")
                .isEqualTo(42);
    }

    @Test
    void refusesALogReadWithoutAPositionWith400() {
        assertThat(mvc.get().uri("/api/errorbus/events/log"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
