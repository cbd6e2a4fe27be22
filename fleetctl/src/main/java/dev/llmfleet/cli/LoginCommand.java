package dev.llmfleet.cli;

import java.util.List;
import java.util.Map;
import org.springframework.web.client.HttpClientErrorException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Stores how to reach and authenticate with the fleet, after checking that it works. */
@Command(name = "login", description = "Log in with a client id and secret, or an API key.")
final class LoginCommand extends FleetCommand {

    @ArgGroup(multiplicity = "1")
    Credentials credentials;

    static final class Credentials {
        @ArgGroup(exclusive = false)
        Client client;

        @Option(names = "--api-key", required = true, description = "An API key (sent as a bearer token)")
        String apiKey;
    }

    static final class Client {
        @Option(names = "--client-id", required = true)
        String clientId;

        @Option(names = "--client-secret", required = true, description = "The client's secret")
        String clientSecret;

        @Option(
                names = "--scope",
                split = "[ ,]",
                description = "Scopes to ask the gateway for, each one the client holds"
                        + " (default: fleet:read, fleet:operate, inference:use)")
        List<String> scopes;
    }

    @Override
    public Integer call() {
        CliConfig current = global.config();
        CliConfig candidate = credentials.apiKey != null
                ? new CliConfig(current.url(), null, null, credentials.apiKey)
                : new CliConfig(
                        current.url(),
                        credentials.client.clientId,
                        credentials.client.clientSecret,
                        null,
                        credentials.client.scopes);
        verify(new FleetConnection(candidate));
        candidate.save(global.configDir());
        Output out = out();
        String who = candidate.apiKey() != null ? "an API key" : "client " + candidate.clientId();
        out.print(
                Map.of("url", candidate.url(), "identity", who),
                () -> out.line("Logged in to " + candidate.url() + " as " + who));
        return ExitCodes.OK;
    }

    /** A credential is good when the fleet accepts it: 403 (authenticated, lacking a scope) counts as good. */
    private static void verify(FleetConnection connection) {
        try {
            connection
                    .restClient(FleetConnection.SCHEDULER)
                    .get()
                    .uri("/api/scheduler/queue")
                    .retrieve()
                    .toBodilessEntity();
        } catch (HttpClientErrorException.Forbidden authenticatedWithoutScope) {
            // the credential works; it just may not read the queue
        } catch (HttpClientErrorException.Unauthorized refused) {
            throw new CliException(ExitCodes.NOT_AUTHENTICATED, "The fleet refused these credentials");
        }
    }
}
