package io.finkperf.runner.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContainerOptionsTest {

    @Nested
    class Memory {

        @ParameterizedTest
        @CsvSource({"256m,268435456", "2g,2147483648", "2G,2147483648", "512MiB,536870912", "1024k,1048576",
                "1048576,1048576", "1.5g,1610612736", "64mb,67108864"})
        void parsesDockerSizes(String text, long bytes) {
            assertEquals(bytes, ContainerOptions.parseMemory(text));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "m", "-1m", "lots", "0"})
        void rejectsNonsense(String text) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ContainerOptions.parseMemory(text));
            assertTrue(e.getMessage().startsWith("--memory must be a size"), e.getMessage());
        }

        @Test
        void rejectsLimitsTooSmallForAnyContainer() {
            assertThrows(IllegalArgumentException.class, () -> ContainerOptions.defaults().withMemory("1m"));
        }

        @Test
        void formatsForMessages() {
            assertEquals("256m", ContainerOptions.formatMemory(256L << 20));
            assertEquals("2g", ContainerOptions.formatMemory(2L << 30));
        }
    }

    @Test
    void defaultsToFinkCiImageAndPullMissing() {
        ContainerOptions o = ContainerOptions.defaults();
        assertEquals("gitlab-registry.in2p3.fr/astrolabsoftware/fink/fink-deps-sentinel-ztf:latest", o.image());
        assertEquals("gitlab-registry.in2p3.fr/astrolabsoftware/fink/fink-deps-sentinel-rubin:latest", FinkCiImage.forSurvey("rubin"));
        assertEquals(ContainerOptions.Pull.MISSING, o.pull());
        assertEquals(null, o.cpus());
        assertEquals(4L << 30, o.memoryBytes());
        assertEquals(false, o.allowNetwork());
    }

    @Test
    void parsesPull() {
        assertEquals(ContainerOptions.Pull.NEVER, ContainerOptions.Pull.parse("never"));
        assertEquals(ContainerOptions.Pull.ALWAYS, ContainerOptions.Pull.parse(" Always "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ContainerOptions.Pull.parse("sometimes"));
        assertEquals("--pull must be always, missing or never, got 'sometimes'", e.getMessage());
    }

    @Test
    void rejectsNonPositiveCpus() {
        assertThrows(IllegalArgumentException.class, () -> ContainerOptions.defaults().withCpus(0.0));
        assertEquals(1.5, ContainerOptions.defaults().withCpus(1.5).cpus());
    }

    @Test
    void explicitDockerHostWinsOverEnvironment() {
        assertEquals("unix:///tmp/x.sock",
                ContainerOptions.defaults().withDockerHost("unix:///tmp/x.sock").effectiveDockerHost());
    }
}
