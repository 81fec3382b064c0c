package io.finkperf.engine;

import io.finkperf.registry.ModuleSpec;
import io.finkperf.results.ScaleReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@link ScaleEngine} measures: the modules, the batch the profiling pass wrote (with the columns
 * producers added), the science folder, and the settings recorded in results.json.
 */
public record ScaleRequest(List<ModuleSpec> modules, Path scienceDir, Path batchDir, Path workDir, Duration timeout,
                           double budgetS, ScaleReport.Settings settings) {

    public ScaleRequest {
        modules = List.copyOf(modules);
    }
}
