package io.finkperf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.finkperf.results.ModuleReadiness;
import io.finkperf.results.ModuleReadiness.Verdict;
import io.finkperf.results.Readiness;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadinessTableTest {

    static Readiness sample() {
        return new Readiness(Readiness.SCHEMA, "registry/ztf.yaml", "/science", "container", true, List.of(
                new ModuleReadiness("cdsxmatch", "fink_science.ztf.xmatch.processor:cdsxmatch", Verdict.MISSING,
                        List.of("requests", "fink_tns"), List.of(), "needs network"),
                new ModuleReadiness("gcvs", "fink_science.ztf.xmatch.processor:crossmatch_other_catalog", Verdict.MISSING,
                        List.of(), List.of("fink_science/data/catalogs/gcvs.parquet"), null),
                new ModuleReadiness("vsx", "fink_science.ztf.xmatch.processor:cdsxmatch", Verdict.NEEDS_NETWORK,
                        List.of(), List.of(), "needs network"),
                new ModuleReadiness("transient_features", "x.y:z", Verdict.NOT_SUPPORTED, List.of(), List.of(),
                        "takes a whole Spark DataFrame"),
                new ModuleReadiness("asteroids", "fink_science.ztf.asteroids.processor:roid_catcher", Verdict.RUNNABLE,
                        List.of(), List.of(), null)));
    }

    @Test
    void matchesTheGoldenFile() throws IOException {
        ReportGolden.assertMatches("readiness.txt", ReadinessTable.text(sample()) + "\n");
    }

    @Test
    void oneLineMessagesSayEverythingMissing() {
        Readiness r = sample();
        assertEquals("module 'cdsxmatch' (fink_science.ztf.xmatch.processor:cdsxmatch) cannot run: missing packages "
                + "requests, fink_tns; needs network", r.modules().get(0).message());
        assertEquals("module 'vsx' (fink_science.ztf.xmatch.processor:cdsxmatch) needs network: not run with --offline",
                r.modules().get(2).message());
        assertEquals(1, r.runnableCount());
    }
}
