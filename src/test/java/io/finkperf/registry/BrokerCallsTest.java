package io.finkperf.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped registries against the broker's calls as the shared references list them
 * (transcribed in {@code broker-calls-<survey>.tsv}): the same calls, in the same order, each with
 * the same entry point, arguments in order, output and derived columns.
 */
class BrokerCallsTest {

    private static final Path PROJECT = Path.of(System.getProperty("finkperf.projectDir", "."));

    record Call(String name, String entry, String args, String output, String derived) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"ztf", "rubin"})
    void everyCallOfTheBrokerExactlyOnceInItsOrder(String survey) throws IOException {
        List<Call> reference = reference(survey);
        ModuleRegistry reg = RegistryLoader.load(PROJECT.resolve("registry").resolve(survey + ".yaml"));
        assertEquals(reference.stream().map(Call::name).toList(), reg.names(), survey + ": calls and their order");
        for (Call call : reference) {
            ModuleSpec m = reg.find(call.name()).orElseThrow();
            String where = survey + " " + call.name() + ": ";
            assertEquals("fink_science." + survey + "." + call.entry(), m.entry(), where + "entry");
            assertEquals(call.args(), render(m.args()), where + "arguments");
            assertEquals(call.output(), m.output(), where + "output");
            assertEquals(call.derived(), m.derived().isEmpty() ? "-" : String.join(" ", m.derived()), where + "derived");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ztf", "rubin"})
    void networkModulesAreMarked(String survey) {
        ModuleRegistry reg = RegistryLoader.load(PROJECT.resolve("registry").resolve(survey + ".yaml"));
        for (ModuleSpec m : reg.modules()) {
            boolean cds = m.entry().endsWith(":cdsxmatch") || m.entry().endsWith(":xmatch_tns");
            if (cds) {
                assertTrue(m.network(), m.name() + " calls CDS or TNS: network must be true");
            }
            if (m.entry().endsWith(":crossmatch_other_catalog") || m.entry().endsWith(":crossmatch_mangrove")) {
                assertTrue(!m.network() && !m.files().isEmpty(), m.name() + ": local catalogue, files, no network");
            }
        }
    }

    /** The broker's spelling: columns as named, lit("text") / lit(number) / lit(null), c["key"], array_min(c). */
    static String render(List<ModuleArg> args) {
        if (args.isEmpty()) {
            return "-";
        }
        return args.stream().map(a -> switch (a.kind()) {
            case COLUMN -> a.column();
            case ITEM -> a.column() + "[\"" + a.key() + "\"]";
            case ARRAY_MIN -> "array_min(" + a.column() + ")";
            case LITERAL -> a.literal() instanceof String s ? "lit(\"" + s + "\")" : "lit(" + a.literal() + ")";
        }).collect(Collectors.joining(", "));
    }

    private static List<Call> reference(String survey) throws IOException {
        try (InputStream in = BrokerCallsTest.class.getResourceAsStream("broker-calls-" + survey + ".tsv")) {
            assertNotNull(in, "broker-calls-" + survey + ".tsv");
            List<Call> calls = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                assertEquals(5, f.length, "5 tab-separated fields: " + Arrays.toString(f));
                calls.add(new Call(f[0], f[1], f[2], f[3], f[4]));
            }
            return calls;
        }
    }
}
