package io.finkperf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.finkperf.data.DataException;
import io.finkperf.fetch.FetchException;
import io.finkperf.history.HistoryException;
import io.finkperf.runner.RunnerException;
import io.finkperf.transfer.TransferException;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of every kinded exception, and the one exit code it maps to (README's table). */
class ExceptionMapperKindsTest {

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of(new DataException(DataException.Kind.MISSING, "m"), ExitCode.DATA),
                Arguments.of(new DataException(DataException.Kind.EMPTY, "m"), ExitCode.DATA),
                Arguments.of(new DataException(DataException.Kind.CORRUPT, "m", new IOException()), ExitCode.DATA),
                Arguments.of(new DataException(DataException.Kind.MISSING_COLUMN, "m"), ExitCode.DATA),
                Arguments.of(new DataException(DataException.Kind.UNSUPPORTED, "m"), ExitCode.DATA),
                Arguments.of(new HistoryException(HistoryException.Kind.BAD_STORE, "m"), ExitCode.HISTORY),
                Arguments.of(new HistoryException(HistoryException.Kind.GIT, "m"), ExitCode.HISTORY),
                Arguments.of(new HistoryException(HistoryException.Kind.BAD_INPUT, "m"), ExitCode.USAGE),
                Arguments.of(new HistoryException(HistoryException.Kind.CALIBRATION, "m"), ExitCode.PYTHON_MISSING),
                Arguments.of(new FetchException(FetchException.Kind.DOWNLOAD, "m"), ExitCode.DOWNLOAD),
                Arguments.of(new FetchException(FetchException.Kind.CHECKSUM, "m"), ExitCode.DOWNLOAD),
                Arguments.of(new FetchException(FetchException.Kind.ARCHIVE, "m"), ExitCode.DATA),
                Arguments.of(new TransferException(TransferException.Kind.CREDENTIALS, "m"), ExitCode.USAGE),
                Arguments.of(new TransferException(TransferException.Kind.UNREACHABLE, "m"), ExitCode.KAFKA_UNREACHABLE),
                Arguments.of(new TransferException(TransferException.Kind.UNKNOWN_TOPIC, "m"), ExitCode.UNKNOWN_TOPIC),
                Arguments.of(new TransferException(TransferException.Kind.NO_SCHEMA, "m"), ExitCode.NO_SCHEMA),
                Arguments.of(new TransferException(TransferException.Kind.DECODE, "m"), ExitCode.UNDECODABLE),
                Arguments.of(new TransferException(TransferException.Kind.OUTPUT, "m", new IOException()), ExitCode.OUTPUT),
                Arguments.of(new RunnerException(RunnerException.Kind.PYTHON_MISSING, "m"), ExitCode.PYTHON_MISSING),
                Arguments.of(new RunnerException(RunnerException.Kind.PACKAGE_MISSING, "m"), ExitCode.PACKAGE_MISSING),
                Arguments.of(new RunnerException(RunnerException.Kind.ENGINE_UNAVAILABLE, "m"), ExitCode.CONTAINER),
                Arguments.of(new RunnerException(RunnerException.Kind.IMAGE_MISSING, "m"), ExitCode.CONTAINER),
                Arguments.of(new RunnerException(RunnerException.Kind.IO, "m"), ExitCode.INTERNAL));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void eachKindHasItsExitCode(RuntimeException e, ExitCode expected) {
        assertEquals(expected, ExceptionMapper.exitCodeOf(e));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyKindIsListed(RuntimeException e, ExitCode ignored) {
        long listed = kinds().filter(a -> a.get()[0].getClass() == e.getClass()).count();
        Enum<?>[] all = ((io.finkperf.base.KindedException) e).kind().getDeclaringClass().getEnumConstants();
        assertEquals(all.length, listed, e.getClass().getSimpleName() + "'s kinds, each listed once above");
    }
}
