package dev.llmfleet.testservice;

import dev.llmfleet.starter.FleetService;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Another fleet service, for the error-bus tests: it fails on request, and reports through its starter. */
@SpringBootApplication
@FleetService(name = "failing-service", port = 0, schema = "failingservice")
public class FailingServiceApplication {

    public static final String FAILURE = "the disk is on fire";

    @RestController
    static class FailingController {

        @GetMapping("/api/boom")
        String boom() {
            throw new IllegalStateException(FAILURE, new java.io.IOException("no space left on device"));
        }
    }
}
