package io.finkperf.report;

import static io.finkperf.testing.LineTable.function;

import io.finkperf.testing.PythonVersions;
import io.finkperf.results.Environment;
import io.finkperf.results.FunctionProfile;
import io.finkperf.results.LineProfile;
import io.finkperf.results.LineStat;
import io.finkperf.results.ModuleError;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.ModuleStatus;
import io.finkperf.results.RunConfig;
import io.finkperf.results.RunResults;
import java.util.List;
import java.util.Map;

/** A fixed run with hand-picked numbers: one fast, one between the budgets, one slow, one failed. */
final class ReportFixtures {

    static final int N = 1000;

    private ReportFixtures() {
    }

    static RunResults run() {
        Map<String, Object> python = PythonVersions.bookworm("stub");
        Environment env = new Environment("Intel(R) Xeon(R) CPU @ 2.20GHz", 8, 32L << 30, "Linux 6.1 amd64",
                "17.0.15", "ci-runner-1", "/work/fink-science", "1a2b3c4d5e6f708192a3b4c5d6e7f80912345678",
                "8.53.0", "datasets/ztf/ftransfer_sample_1000.parquet", "ztf-alert-4.02", "ztf", python,
                Map.of("name", "local"));
        RunConfig config = new RunConfig("registry/examples-ztf.yaml",
                List.of("xmatch_local", "lc_features", "early_classifier", "slow_lc"), N, 1, 5, 10000, 600, "local",
                "python");
        return new RunResults(RunResults.SCHEMA, "0.1.0", "2025-06-02T09:15:00Z", "2025-06-02T09:21:40Z", env, config,
                List.of(xmatch(), features(), classifier(), slow()));
    }

    /** 1000 alerts in 2.0, 2.2, 1.8, 2.0, 2.0 s → mean 502.0/s: within both budgets. */
    static ModuleResult xmatch() {
        FunctionProfile f = function("fink_science/ztf/xmatch_local/processor.py", "crossmatch_local", 3_000_000, """
                20 | 0 |         0 | def crossmatch_local(candid, ra, dec, radius):
                21 | 1 |   100_000 |     cat = load_catalogue()
                22 | 1 | 2_400_000 |     idx, d2d, _ = coords.match_to_catalog_sky(cat)
                23 | 1 |   400_000 |     ok = (d2d.arcsec < radius) | force  # keep matches < radius
                24 | 1 |   100_000 |     return pd.Series(np.where(ok, names[idx], 'Unknown'))
                """);
        return module("xmatch_local", "xmatch", "fink_science.ztf.xmatch_local.processor:crossmatch_local",
                ModuleStatus.OK, null, List.of(2_000_000_000L, 2_200_000_000L, 1_800_000_000L, 2_000_000_000L, 2_000_000_000L),
                180L << 20, new LineProfile(List.of(f)));
    }

    /** 40, 42, 38, 40, 40 s → mean 25.0/s: misses both budgets. */
    static ModuleResult features() {
        FunctionProfile f = function("fink_science/ztf/lc_features/processor.py", "lc_rate", 20_000_000, """
                40 |    0 |          0 | def lc_rate(jd, fid, mag, err):
                41 |    1 |  1_000_000 |     out = []
                42 | 1001 |  3_000_000 |     for j, f, m, e in zip(jd, fid, mag, err):
                43 | 1000 | 12_000_000 |         out.append(rate(j[f == f[-1]], m[f == f[-1]]))
                44 |    0 |          0 |         # | never reached | <b>not bold</b>
                45 |    1 |  4_000_000 |     return pd.Series(out)
                """);
        return module("lc_features", "feature", "fink_science.ztf.lc_features.processor:lc_rate", ModuleStatus.OK,
                null, List.of(40_000_000_000L, 42_000_000_000L, 38_000_000_000L, 40_000_000_000L, 40_000_000_000L), 150L << 20,
                new LineProfile(List.of(f)));
    }

    /** 20, 19, 21, 20, 20 s → mean 50.0/s: within 2 s per exposure only. */
    static ModuleResult classifier() {
        FunctionProfile entry = function("fink_science/ztf/early_classifier/processor.py", "early_sn_score", 24_000_000,
                """
                10 | 0 |          0 | def early_sn_score(jd, fid, mag, err, xm, ndethist):
                11 | 1 |  9_000_000 |     feats = extract(jd, fid, mag, err)
                12 | 1 | 14_000_000 |     proba = clf.predict_proba(feats)[:, 1]
                13 | 1 |  1_000_000 |     return pd.Series(np.where(xm == 'Unknown', proba, 0.0))
                """);
        FunctionProfile helper = function("fink_science/ztf/early_classifier/features.py", "extract", 8_900_000, """
                5 |    0 |         0 | def extract(jd, fid, mag, err):
                6 | 1000 | 8_000_000 |     rows = [_one(*r) for r in zip(jd, fid, mag, err)]
                7 |    1 |   900_000 |     return np.vstack(rows)
                """);
        return module("early_classifier", "ml", "fink_science.ztf.early_classifier.processor:early_sn_score",
                ModuleStatus.OK, null, List.of(20_000_000_000L, 19_000_000_000L, 21_000_000_000L, 20_000_000_000L, 20_000_000_000L),
                420L << 20, new LineProfile(List.of(entry, helper)));
    }

    static ModuleResult slow() {
        ModuleError err = new ModuleError("timeout", "Timeout", "slow_lc exceeded its 10m timeout after 2 of 5 loops",
                "Traceback (most recent call last):\n  File \"<driver>\", line 1\nTimeout");
        return module("slow_lc", "feature", "fink_science.ztf.slow_lc.processor:slow_lc_score", ModuleStatus.TIMEOUT,
                err, List.of(), 95L << 20, LineProfile.NONE);
    }

    /** A hot line whose source is longer than a chart label allows. */
    static io.finkperf.results.LineProfile.HotLine lcFeaturesLongLine() {
        FunctionProfile f = features().lineProfile().functions().get(0);
        LineStat l = new LineStat(43, 1000, 12_000_000, "        out.append(" + "rate(j, m) + ".repeat(10) + "0)");
        return new io.finkperf.results.LineProfile.HotLine(f, l, 60.0);
    }

    static ModuleResult module(String name, String type, String entry, ModuleStatus status, ModuleError error,
            List<Long> samples, long rss, LineProfile profile) {
        return ModuleResult.builder(name, type, entry, name + "_out").failed(status, error).nAlerts(N).nChunks(1)
                .importNs(1_500_000_000L).loops(List.of(3_000_000L), samples).peakRssBytes(rss).cpuSeconds(1.25, 0.05)
                .output(status == ModuleStatus.OK ? "sha256:00ff" : null, "float64").lineProfile(profile).build();
    }
}
