package io.finkperf.base;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChecksTest {

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 0", "2, 2", "9000000000, 1"})
    void atOrAboveTheMinimumPasses(long value, long min) {
        assertDoesNotThrow(() -> Checks.atLeast("loops", value, min));
    }

    @ParameterizedTest
    @CsvSource({"-1, 0, '--limit must be >= 0, got -1'", "1, 2, 'rounds must be >= 2, got 1'"})
    void belowTheMinimumNamesTheNumber(long value, long min, String message) {
        String what = message.substring(0, message.indexOf(" must"));
        var e = assertThrows(IllegalArgumentException.class, () -> Checks.atLeast(what, value, min));
        assertEquals(message, e.getMessage());
    }
}
