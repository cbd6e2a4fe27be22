package dev.llmfleet.security.client;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class ClientConfiguration {

    /** New secrets are stored as {@code {sha256}...}; bcrypt hashes are still understood. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(
                HighEntropySecretEncoder.ID,
                Map.of(
                        HighEntropySecretEncoder.ID,
                        new HighEntropySecretEncoder(),
                        "bcrypt",
                        new BCryptPasswordEncoder()));
    }
}
