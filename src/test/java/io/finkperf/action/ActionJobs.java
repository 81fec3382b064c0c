package io.finkperf.action;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the action ITs give a simulated job: the runner's environment and a fink-perf launcher from this build. */
final class ActionJobs {

    private ActionJobs() {
    }

    /** The few host variables a job needs, and the GitHub ones pointing at this job's folders. */
    static Map<String, String> env(Path workspace, Path actionPath, Path runnerTemp) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String k : new String[] {"PATH", "HOME", "LANG", "JAVA_HOME", "TMPDIR"}) {
            if (System.getenv(k) != null) {
                env.put(k, System.getenv(k));
            }
        }
        env.put("GITHUB_WORKSPACE", workspace.toString());
        env.put("GITHUB_ACTION_PATH", actionPath.toString());
        env.put("RUNNER_TEMP", runnerTemp.toString());
        return env;
    }

    /** fink-perf from this build's classes, so the test needs no `mvn package` and sees current code. */
    static Path launcher(Path root, Path project, List<String> jvmArgs) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cp = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            cp.add(Path.of(e).toAbsolutePath().toString());
        }
        Path bin = root.resolve("fink-perf");
        Files.writeString(bin, "#!/usr/bin/env bash\nexec '" + javaBin + "' " + String.join(" ", jvmArgs)
                + " -Dfinkperf.home='" + project + "' -cp '" + String.join(java.io.File.pathSeparator, cp)
                + "' io.finkperf.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }
}
