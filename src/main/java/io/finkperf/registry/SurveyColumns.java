package io.finkperf.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** The alert columns a module of a survey may read (see the {@code *-columns.txt} resources). */
public final class SurveyColumns {

    private final Set<String> exact = new HashSet<>();
    private final Set<String> prefixes = new HashSet<>();

    private SurveyColumns() {
    }

    public static SurveyColumns of(String survey) {
        String resource = survey + "-columns.txt";
        InputStream in = SurveyColumns.class.getResourceAsStream(resource);
        if (in == null) {
            throw new RegistryException("unknown survey '" + survey + "' (known: ztf, rubin)");
        }
        SurveyColumns cols = new SurveyColumns();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.endsWith(".*")) {
                    cols.prefixes.add(line.substring(0, line.length() - 1));
                } else {
                    cols.exact.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cols;
    }

    public boolean contains(String column) {
        if (exact.contains(column)) {
            return true;
        }
        return prefixes.stream().anyMatch(p -> column.startsWith(p) && column.length() > p.length());
    }
}
