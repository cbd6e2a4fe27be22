package dev.llmfleet.starter.security;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service for the starter's security tests: a read, a change, an admin and an inference endpoint. */
@SpringBootApplication
class SecuredTestApplication {

    @RestController
    static class Endpoints {

        @GetMapping("/api/things")
        String read() {
            return "things";
        }

        @PostMapping("/api/things")
        String change() {
            return "changed";
        }

        @GetMapping("/api/things/admin/settings")
        String admin() {
            return "settings";
        }

        @PostMapping("/v1/chat/completions")
        String infer() {
            return "{}";
        }
    }
}
