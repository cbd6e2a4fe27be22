package dev.llmfleet.api.inference;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The trainer host's model versions as the inference host downloads them.
 *
 * <p>The manifest lists every file with its SHA-256; each file is then fetched from
 * {@link #FILE_PATH} as {@code application/octet-stream}, honouring {@code Range: bytes=N-} with
 * {@code 206 Partial Content} so that an interrupted download resumes where it stopped.
 */
@HttpExchange(ModelVersionsClient.BASE_PATH)
public interface ModelVersionsClient {

    String BASE_PATH = "/api/trainer/versions";

    /** Relative to {@link #BASE_PATH}; variables {@code version} and {@code file}. */
    String FILE_PATH = "/{version}/files/{file}";

    @GetExchange("/{version}/manifest")
    VersionManifest manifest(@PathVariable String version);
}
