package io.finkperf.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** The Python package versions the golden runs record (Debian bookworm's), in the order the driver reports them. */
public final class PythonVersions {

    private PythonVersions() {
    }

    /** python, numpy, pandas, line_profiler, then pyspark as given (null: not installed). */
    public static Map<String, Object> bookworm(String pyspark) {
        Map<String, Object> python = new LinkedHashMap<>();
        python.put("python", "3.11.2");
        python.put("numpy", "1.24.2");
        python.put("pandas", "1.5.3");
        python.put("line_profiler", "4.0.2");
        python.put("pyspark", pyspark);
        return python;
    }
}
