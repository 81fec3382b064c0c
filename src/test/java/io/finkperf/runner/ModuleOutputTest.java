package io.finkperf.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModuleOutputTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "plain text|plain text",
        "::set-env name=X::1|:\u200B:set-env name=X:\u200B:1",
        "  ::error::x|  :\u200B:error:\u200B:x",
        "##[error]boom|#\u200B#[error]boom",
        "a\u001b[31mred|a[31mred",
        "tab\there|tab here",
        "evil\u202Ereversed|evilreversed"})
    void stripsControlsAndBreaksWorkflowCommands(String in, String out) {
        String shown = ModuleOutput.sanitize(in);
        assertEquals(out, shown);
        assertEquals(shown, ModuleOutput.sanitize(shown), "sanitising what is already shown changes nothing");
    }
}
