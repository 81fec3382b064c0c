package io.finkperf.runner.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.finkperf.runner.RunnerException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testcontainers.DockerClientFactory;

/**
 * The container engine (Docker or podman's Docker API) and the image modules run in, both checked
 * once, up front, so that a missing engine or image is one clear line before any module runs.
 */
final class ContainerEngine {

    private static final String SETUP_HINT =
            "start Docker, or for podman: source scripts/podman-env.sh (see docs/container.md)";

    private final DockerClient client;
    private final String image;
    private final InspectImageResponse imageInfo;

    private ContainerEngine(DockerClient client, String image, InspectImageResponse imageInfo) {
        this.client = client;
        this.image = image;
        this.imageInfo = imageInfo;
    }

    static ContainerEngine connect(ContainerOptions options) {
        String host = options.effectiveDockerHost();
        if (host != null) {
            ping(host);
        }
        DockerClient client;
        try {
            client = DockerClientFactory.instance().client();
        } catch (RuntimeException e) {
            throw new RunnerException(RunnerException.Kind.ENGINE_UNAVAILABLE,
                    "no container engine found (DOCKER_HOST=" + (host == null ? "<unset>" : host) + "): "
                            + SETUP_HINT, e);
        }
        InspectImageResponse info = inspectLocal(client, options.image());
        if (info == null && options.pull() == ContainerOptions.Pull.NEVER) {
            throw new RunnerException(RunnerException.Kind.IMAGE_MISSING,
                    "image '" + options.image() + "' not found locally and --pull never is set");
        }
        return new ContainerEngine(client, options.image(), info);
    }

    /** Asks the engine at {@code host} for {@code /_ping}, without going through Testcontainers' discovery. */
    private static void ping(String host) {
        URI uri;
        try {
            uri = URI.create(host);
        } catch (IllegalArgumentException e) {
            throw new RunnerException(RunnerException.Kind.ENGINE_UNAVAILABLE,
                    "DOCKER_HOST=" + host + " is not a valid address: " + SETUP_HINT, e);
        }
        try (DockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(uri)
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(10))
                .build();
             DockerHttpClient.Response response = http.execute(DockerHttpClient.Request.builder()
                     .method(DockerHttpClient.Request.Method.GET).path("/_ping").build())) {
            if (response.getStatusCode() != 200) {
                throw new RunnerException(RunnerException.Kind.ENGINE_UNAVAILABLE,
                        "container engine at DOCKER_HOST=" + host + " answered _ping with HTTP "
                                + response.getStatusCode() + ": " + SETUP_HINT);
            }
        } catch (RunnerException e) {
            throw e;
        } catch (Exception e) {
            throw new RunnerException(RunnerException.Kind.ENGINE_UNAVAILABLE,
                    "container engine not reachable at DOCKER_HOST=" + host + " (" + rootMessage(e) + "): "
                            + SETUP_HINT, e);
        }
    }

    private static InspectImageResponse inspectLocal(DockerClient client, String image) {
        try {
            return client.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            return null;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    DockerClient client() {
        return client;
    }

    String image() {
        return image;
    }

    /** Image name, id and digests, engine name and version: for results.json. */
    Map<String, Object> describe() {
        InspectImageResponse info = imageInfo != null ? imageInfo : inspectLocal(client, image);
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("image", image);
        if (info != null) {
            env.put("image_id", info.getId());
            List<String> digests = info.getRepoDigests() == null ? List.of() : info.getRepoDigests();
            env.put("image_digest", digests.isEmpty() ? null : digests.get(0));
            env.put("image_created", info.getCreated());
        }
        try {
            Version v = client.versionCmd().exec();
            String name = v.getComponents() != null && !v.getComponents().isEmpty()
                    ? v.getComponents().get(0).getName() : "Docker Engine";
            env.put("engine", name + " " + v.getVersion());
            env.put("engine_api_version", v.getApiVersion());
        } catch (RuntimeException e) {
            env.put("engine", "unknown");
        }
        return env;
    }
}
