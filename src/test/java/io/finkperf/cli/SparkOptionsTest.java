package io.finkperf.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class SparkOptionsTest {

    static SparkOptions parse(String... args) {
        SparkOptions o = new SparkOptions();
        new CommandLine(o).parseArgs(args);
        return o;
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "local[2]", "local[*]", "local[4,2]", "local-cluster[2,1,1024]", "spark://head:7077",
        "spark://a:7077,b:7077", "yarn", "k8s://https://api:6443", "mesos://zk://h:2181/mesos"})
    void sparkMastersAreAccepted(String master) {
        assertDoesNotThrow(() -> parse("--master", master).validate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bogus://x", "local[two]", "spark:/head:7077", "", "head:7077"})
    void anythingElseIsAUsageErrorNamingIt(String master) {
        FinkPerfException e = assertThrows(FinkPerfException.class, () -> parse("--master", master).validate());
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals("--master '" + master + "' is not a Spark master: local[N], spark://host:port, yarn or k8s://https://host:port",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--core-per-executor=0", "--gb-per-executor=0", "--total-memory=-1"})
    void nonPositiveSizesAreUsageErrors(String option) {
        assertEquals(ExitCode.USAGE, assertThrows(FinkPerfException.class, () -> parse(option).validate()).exitCode());
    }

    @org.junit.jupiter.api.Test
    void lessMemoryThanOneExecutorIsAUsageError() {
        FinkPerfException e = assertThrows(FinkPerfException.class,
                () -> parse("--total-memory=1", "--gb-per-executor=2").validate());
        assertEquals("--total-memory 1.0 is less than one executor of 2.0 GB", e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aSparkStartFailureHasItsOwnExitCode() {
        assertEquals(ExitCode.SPARK, ExceptionMapper.exitCodeOf(
                new io.finkperf.spark.SparkClusterException("cannot start Spark on spark://h:1: refused", null)));
        assertEquals(13, ExitCode.SPARK.code());
    }
}
