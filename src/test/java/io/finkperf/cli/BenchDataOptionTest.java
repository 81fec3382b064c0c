package io.finkperf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchDataOptionTest {

    private static BenchCompareCommand parse(String... args) {
        BenchCompareCommand cmd = new BenchCompareCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd;
    }

    @Test
    void theBundledZtfSampleUnlessGiven() {
        assertEquals(FinkPerfHome.defaultData("ztf"), parse().data.path());
        assertEquals(Path.of("alerts.parquet"), parse("--data", "alerts.parquet").data.path());
    }
}
