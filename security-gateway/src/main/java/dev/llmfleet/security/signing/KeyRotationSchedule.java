package dev.llmfleet.security.signing;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Re-reads the key set (other gateway instances may rotate) and rotates on schedule. */
@Component
class KeyRotationSchedule {

    private final SigningKeyService keys;

    KeyRotationSchedule(SigningKeyService keys) {
        this.keys = keys;
    }

    @Scheduled(
            fixedDelayString = "${fleet.gateway.keys.reload-interval:10s}",
            initialDelayString = "${fleet.gateway.keys.reload-interval:10s}")
    void tick() {
        if (!keys.rotateIfDue()) {
            keys.reload();
        }
    }
}
