package dev.llmfleet.security.signing;

import dev.llmfleet.api.security.SigningKeyResponse;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/security/keys")
class SigningKeyController {

    private final SigningKeyService keys;

    SigningKeyController(SigningKeyService keys) {
        this.keys = keys;
    }

    @GetMapping
    List<SigningKeyResponse> list() {
        return keys.list();
    }

    @PostMapping("/rotate")
    SigningKeyResponse rotate() {
        return keys.rotate("on demand");
    }
}
