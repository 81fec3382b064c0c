package io.finkperf.fetch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a fetch got: also written as {@code fetch.json} in the output folder for the action's scripts. */
public record FetchResult(String source, String sha256, boolean verified, boolean fromCache, Path archive,
                          Path dataDir, int parquetFiles) {

    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", "fink-perf/fetch/1");
        m.put("source", source);
        m.put("sha256", sha256);
        m.put("verified", verified);
        m.put("fromCache", fromCache);
        m.put("archive", archive.toString());
        m.put("dataDir", dataDir.toString());
        m.put("parquetFiles", parquetFiles);
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
