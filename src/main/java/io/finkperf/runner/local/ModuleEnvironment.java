package io.finkperf.runner.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The environment a module process gets on this host: an allowlist (what Python, locales and BLAS
 * need), never CI credentials or the files that steer later workflow steps ({@code GITHUB_*},
 * {@code ACTIONS_*}, {@code RUNNER_*}, anything named like a token, secret, password or key).
 */
public final class ModuleEnvironment {

    private static final List<String> ALLOWED = List.of("PATH", "HOME", "LANG", "LANGUAGE", "TZ", "TMPDIR", "USER",
            "LOGNAME", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "CONDA_PREFIX", "LD_LIBRARY_PATH",
            "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS",
            "MPLCONFIGDIR", "MPLBACKEND", "XDG_CACHE_HOME");
    private static final Pattern SECRET_LIKE = Pattern.compile("TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|_KEY|^KEY");

    private ModuleEnvironment() {
    }

    public static Map<String, String> from(Map<String, String> inherited) {
        Map<String, String> env = new TreeMap<>();
        inherited.forEach((k, v) -> {
            if ((ALLOWED.contains(k) || k.startsWith("LC_")) && !SECRET_LIKE.matcher(k.toUpperCase(Locale.ROOT)).find()) {
                env.put(k, v);
            }
        });
        return env;
    }

    /**
     * A driver process's whole environment: {@link #from} the inherited one, the driver package first on
     * PYTHONPATH, and one BLAS thread (one core per module, as a broker executor task has) unless set.
     */
    public static Map<String, String> forDriver(Path driverDir, Map<String, String> inherited) {
        Map<String, String> env = from(inherited);
        String pp = env.get("PYTHONPATH");
        env.put("PYTHONPATH", driverDir + (pp == null || pp.isEmpty() ? "" : ":" + pp));
        env.put("PYTHONUNBUFFERED", "1");
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        for (String v : List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")) {
            env.putIfAbsent(v, "1");
        }
        return env;
    }
}
