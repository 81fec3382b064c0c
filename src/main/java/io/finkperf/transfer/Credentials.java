package io.finkperf.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What Fink's client registered: {@code ~/.finkclient/<survey>_credentials.yml}. fink-client v11 writes
 * {@code group_id}, finkctl (12.x) {@code groupid}; both are read, so a file from either works here.
 */
public record Credentials(String servers, String groupId, Duration maxTimeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public Credentials {
        if (servers == null || servers.isBlank()) {
            throw new IllegalArgumentException("no bootstrap servers");
        }
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("no group id");
        }
    }

    public static Path defaultFile(Path home, TransferSurvey survey) {
        return home.resolve(".finkclient").resolve(survey.id() + "_credentials.yml");
    }

    public static Credentials load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TransferException(TransferException.Kind.CREDENTIALS, "no --servers/--group-id and no credentials file "
                    + file + " (register with 'finkctl auth register' or fink_client_register)");
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new TransferException(TransferException.Kind.CREDENTIALS, file + " is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new TransferException(TransferException.Kind.CREDENTIALS, file + " holds no credentials");
        }
        String servers = text(root, "servers");
        String group = text(root, "group_id");
        if (group == null) {
            group = text(root, "groupid");
        }
        if (servers == null || group == null) {
            throw new TransferException(TransferException.Kind.CREDENTIALS, file + " lacks "
                    + (servers == null ? "'servers'" : "'group_id' (or 'groupid')"));
        }
        JsonNode t = root.get("maxtimeout");
        Duration timeout = t != null && t.isNumber() && t.asDouble() > 0
                ? Duration.ofMillis(Math.round(t.asDouble() * 1000)) : DEFAULT_TIMEOUT;
        return new Credentials(servers, group, timeout);
    }

    private static String text(JsonNode root, String key) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        String s = n.asText().trim();
        return s.isEmpty() ? null : s;
    }
}
