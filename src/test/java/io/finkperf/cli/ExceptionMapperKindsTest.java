package io.finkperf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.finkperf.data.DataException;
import io.finkperf.fetch.FetchException;
import io.finkperf.history.HistoryException;
import io.finkperf.runner.RunnerException;
import io.finkperf.transfer.TransferException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every kind of the kinded exceptions and the one exit code it maps to (README's table). */
class ExceptionMapperKindsTest {

    static final Map<ExitCode, List<Enum<?>>> KINDS_BY_CODE = Map.ofEntries(
            Map.entry(ExitCode.DATA, List.of(DataException.Kind.MISSING, DataException.Kind.EMPTY, DataException.Kind.CORRUPT,
                    DataException.Kind.MISSING_COLUMN, DataException.Kind.UNSUPPORTED, FetchException.Kind.ARCHIVE)),
            Map.entry(ExitCode.HISTORY, List.of(HistoryException.Kind.BAD_STORE, HistoryException.Kind.GIT)),
            Map.entry(ExitCode.KAFKA_UNREACHABLE, List.of(TransferException.Kind.UNREACHABLE)),
            Map.entry(ExitCode.USAGE, List.of(HistoryException.Kind.BAD_INPUT, TransferException.Kind.CREDENTIALS)),
            Map.entry(ExitCode.UNKNOWN_TOPIC, List.of(TransferException.Kind.UNKNOWN_TOPIC)),
            Map.entry(ExitCode.PYTHON_MISSING, List.of(HistoryException.Kind.CALIBRATION, RunnerException.Kind.PYTHON_MISSING)),
            Map.entry(ExitCode.NO_SCHEMA, List.of(TransferException.Kind.NO_SCHEMA)),
            Map.entry(ExitCode.DOWNLOAD, List.of(FetchException.Kind.DOWNLOAD, FetchException.Kind.CHECKSUM)),
            Map.entry(ExitCode.UNDECODABLE, List.of(TransferException.Kind.DECODE)),
            Map.entry(ExitCode.CONTAINER, List.of(RunnerException.Kind.ENGINE_UNAVAILABLE, RunnerException.Kind.IMAGE_MISSING)),
            Map.entry(ExitCode.OUTPUT, List.of(TransferException.Kind.OUTPUT)),
            Map.entry(ExitCode.PACKAGE_MISSING, List.of(RunnerException.Kind.PACKAGE_MISSING)),
            Map.entry(ExitCode.INTERNAL, List.of(RunnerException.Kind.IO)));

    @Test
    void eachKindHasItsExitCode() {
        KINDS_BY_CODE.forEach((code, kinds) -> kinds.forEach(
                kind -> assertEquals(code, ExceptionMapper.exitCodeOf(kind), kind.getClass().getName() + "." + kind)));
    }

    @Test
    void everyKindIsListedOnce() {
        List<Enum<?>> all = new ArrayList<>();
        Stream.of(DataException.Kind.values(), HistoryException.Kind.values(), FetchException.Kind.values(),
                TransferException.Kind.values(), RunnerException.Kind.values()).forEach(v -> all.addAll(Arrays.asList(v)));
        List<Enum<?>> listed = KINDS_BY_CODE.values().stream().flatMap(List::stream).toList();
        assertEquals(all.size(), listed.size());
        assertEquals(new java.util.HashSet<>(all), new java.util.HashSet<>(listed));
    }

    @Test
    void anExceptionIsMappedByItsKind() {
        assertEquals(ExitCode.OUTPUT, ExceptionMapper.exitCodeOf(
                new TransferException(TransferException.Kind.OUTPUT, "cannot write part-0.parquet", new IOException("disk full"))));
        assertEquals(ExitCode.DATA, ExceptionMapper.exitCodeOf(new DataException(DataException.Kind.CORRUPT, "alerts.parquet")));
        assertEquals(ExitCode.CONTAINER, ExceptionMapper.exitCodeOf(new RunnerException(RunnerException.Kind.IMAGE_MISSING, "no image")));
    }

    /** A failed scale run's message starts with how its driver run ended (ScaleEngine): that decides the code. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"timeout, TIMEOUT", "out_of_memory, OUT_OF_MEMORY",
            "untrusted, UNTRUSTED", "killed, KILLED", "incomplete, KILLED", "module_error, MODULE_ERROR",
            "crash, MODULE_ERROR", "missing_package, MODULE_ERROR"})
    void aFailedScaleRunIsMappedByHowItsDriverRunEnded(String status, ExitCode code) {
        io.finkperf.results.RunResults run = new io.finkperf.results.RunResults("fink-perf/results/1", "0", null, null,
                null, null, List.of()).withScale(new io.finkperf.results.ScaleReport(null, List.of(
                io.finkperf.results.ScaleResult.failed("m", "feature", "error", status + ": the driver said so"))));
        assertEquals(code, ExceptionMapper.exitCodeOf(run));
    }
}
