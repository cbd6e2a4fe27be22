package dev.llmfleet.errorbus.live;

import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.errorbus.event.EventFilter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/errorbus/events")
class LiveController {

    private final LiveEvents live;

    LiveController(LiveEvents live) {
        this.live = live;
    }

    /** Events as they are stored, as {@code fleet-event} Server-Sent Events whose id is the event id. */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            @RequestParam(required = false) String service,
            @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String clientId,
            @RequestParam(defaultValue = "false") boolean clientOnly) {
        return live.subscribe(new EventFilter(service, severity, code, clientId, clientOnly, null, null));
    }
}
