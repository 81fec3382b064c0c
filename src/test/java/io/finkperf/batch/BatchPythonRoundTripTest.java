package io.finkperf.batch;

import io.finkperf.data.AlertData;
import io.finkperf.data.Survey;
import io.finkperf.data.TestData;

import io.finkperf.data.LocalSparkTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** numpy itself loads what the writer wrote (skipped when /usr/bin/python3 has no numpy). */
class BatchPythonRoundTripTest extends LocalSparkTest {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path tmp;

    private static String python(String code) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PYTHON, "-c", code).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("python failed: " + out);
        }
        return out;
    }

    private static boolean numpyAvailable() {
        try {
            return Files.isExecutable(Path.of(PYTHON)) && python("import numpy").isEmpty();
        } catch (IOException | InterruptedException | AssertionError e) {
            return false;
        }
    }

    @Test
    void numpyReadsLightCurveOfZtf18abctvau() throws Exception {
        assumeTrue(numpyAvailable(), PYTHON + " with numpy is needed");
        Path out = tmp.resolve("py");
        try (AlertData raw = AlertData.open(TestData.ZTF_RAW, Survey.ZTF, spark)) {
            raw.writeBatch(List.of("objectId", "cmagpsf", "cisdiffpos"), 0, out, 10_000);
        }
        String code = String.join("\n",
                "import numpy as np",
                "d = '" + out.resolve("chunk-00000") + "/'",
                "sb = np.load(d + 'objectId.values.npy'); so = np.load(d + 'objectId.stroffsets.npy')",
                "ids = [bytes(sb[so[i]:so[i+1]]).decode() for i in range(len(so) - 1)]",
                "r = ids.index('ZTF18abctvau')",
                "v = np.load(d + 'cmagpsf.values.npy'); o = np.load(d + 'cmagpsf.offsets.npy')",
                "ok = np.load(d + 'cmagpsf.valid.npy')",
                "cell = v[o[r]:o[r+1]]",
                "print(v.dtype, o.dtype, ok.dtype, len(o) - 1, len(cell), int(np.isnan(cell).sum()),",
                "      int((~ok[o[r]:o[r+1]]).sum()), '%.6f' % cell[-1], '%.4f' % cell[0])");
        assertEquals("float32 int64 bool 51 10 1 1 13.245115 13.0790", python(code));
    }
}
