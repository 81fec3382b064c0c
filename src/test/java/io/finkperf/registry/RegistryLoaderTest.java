package io.finkperf.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryLoaderTest {

    static final Path PROJECT = Path.of(System.getProperty("finkperf.projectDir", "."));

    @TempDir
    Path tmp;

    private Path write(String yaml) throws IOException {
        Path f = tmp.resolve("reg.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private static String module(String body) {
        return "schema: fink-perf/registry/1\nsurvey: ztf\nmodules:\n" + body;
    }

    private static final String GOOD = """
              - name: roid
                entry: fink_science.ztf.asteroids.processor:roid_catcher
                type: feature
                args: [cjd, cmagpsf, candidate.ndethist, {lit: 1.5}]
                output: roid
            """;

    @Nested
    class ShippedRegistries {

        @ParameterizedTest
        @ValueSource(strings = {"ztf.yaml", "rubin.yaml", "examples-ztf.yaml", "examples-rubin.yaml"})
        void loadWithoutError(String file) {
            ModuleRegistry reg = RegistryLoader.load(PROJECT.resolve("registry").resolve(file));
            assertTrue(reg.modules().size() >= 1);
        }

        @Test
        void finkScienceRegistryMatchesTheBrokerCalls() {
            ModuleRegistry reg = RegistryLoader.load(PROJECT.resolve("registry/ztf.yaml"));
            ModuleSpec rf = reg.find("rf_snia").orElseThrow();
            assertEquals("fink_science.ztf.random_forest_snia.processor:rfscore_sigmoid_full", rf.entry());
            assertEquals(List.of("cjd", "cfid", "cmagpsf", "csigmapsf", "cdsxmatch", "candidate.ndethist"), rf.inputColumns());
            ModuleSpec ft = reg.find("fast_transient_rate").orElseThrow();
            assertEquals(12, ft.args().size());
            assertEquals(10000L, ft.args().get(10).literal());
            assertTrue(ft.args().get(11).isLiteral());
            assertEquals(null, ft.args().get(11).literal());
            assertEquals(CallKind.UDF, reg.find("ad_features").orElseThrow().call());
            assertEquals("cdsxmatch", reg.producerOf("cdsxmatch").orElseThrow().name());
        }

        @Test
        void examplesDeclareTheXmatchDependency() {
            ModuleRegistry reg = RegistryLoader.load(PROJECT.resolve("registry/examples-ztf.yaml"));
            assertTrue(reg.find("early_classifier").orElseThrow().inputColumns().contains("xm_local"));
            assertEquals("xmatch_local", reg.producerOf("xm_local").orElseThrow().name());
        }
    }

    @Nested
    class Validation {

        @Test
        void acceptsAGoodModule() throws IOException {
            ModuleRegistry reg = RegistryLoader.load(write(module(GOOD)));
            ModuleSpec m = reg.modules().get(0);
            assertEquals(ModuleType.FEATURE, m.type());
            assertEquals(CallKind.PANDAS_UDF, m.call());
            assertEquals(1.5, m.args().get(3).literal());
            assertEquals("fink_science.ztf.asteroids.processor", m.modulePath());
            assertEquals("roid_catcher", m.function());
            assertEquals(List.of(), m.files());
            assertEquals(false, m.network());
        }

        @Test
        void readsFilesAndNetwork() throws IOException {
            ModuleSpec m = RegistryLoader.load(write(module(GOOD.replace("output: roid",
                    "output: roid\n    files: [data/models/roid.pkl]\n    network: true")))).modules().get(0);
            assertEquals(List.of("data/models/roid.pkl"), m.files());
            assertTrue(m.network());
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "unknown type|type: feature|type: magic|module 'roid' field 'type': unknown type 'magic'",
            "malformed entry|entry: fink_science.ztf.asteroids.processor:roid_catcher|entry: fink_science.ztf.asteroids|module 'roid' field 'entry': malformed entry point",
            "missing column|args: [cjd, cmagpsf, candidate.ndethist, {lit: 1.5}]|args: [cjd, candidate.nosuchfield]|module 'roid' field 'args': column 'candidate.nosuchfield'",
            "missing output|output: roid|description: x|module 'roid' field 'output': missing",
            "unknown field|output: roid|output: roid\\n    colour: red|module 'roid' field 'colour': unknown field",
            "network not boolean|output: roid|output: roid\\n    network: maybe|module 'roid' field 'network': expected true or false",
            "bad literal|{lit: 1.5}|{literal: 1.5}|module 'roid' field 'args': expected a column name, {lit: value}",
            "item of unknown column|{lit: 1.5}|{item: nosuch, key: flux}|module 'roid' field 'args': column 'nosuch'",
            "item without key|{lit: 1.5}|{item: cjd}|module 'roid' field 'args': expected a column name",
            "bad derived|output: roid|output: roid\\n    derived: [a-b]|module 'roid' field 'derived': malformed column name 'a-b'",
        })
        void rejectsWithFileModuleAndField(String name, String from, String to, String expected) throws IOException {
            Path f = write(module(GOOD.replace(from, to.replace("\\n", "\n"))));
            RegistryException e = assertThrows(RegistryException.class, () -> RegistryLoader.load(f));
            assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
            assertTrue(e.getMessage().contains(expected), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }

        @Test
        void itemArrayMinAndDerivedColumns() throws IOException {
            String two = GOOD.replace("{lit: 1.5}]", "{lit: 1.5}]\n    derived: [roid_flag]") + """
              - name: user
                entry: fink_science.ztf.user.processor:f
                type: feature
                args: [{item: roid, key: flag}, {array_min: cjd}, roid_flag]
                output: u
            """;
            ModuleRegistry reg = RegistryLoader.load(write(module(two)));
            ModuleSpec u = reg.find("user").orElseThrow();
            assertEquals(List.of("roid[flag]", "array_min(cjd)", "roid_flag"), u.inputColumns());
            assertEquals(List.of("roid", "cjd", "roid_flag"), u.sourceColumns());
            assertEquals(ModuleArg.Kind.ITEM, u.args().get(0).kind());
            assertEquals("flag", u.args().get(0).key());
            assertEquals("roid", reg.producerOf("roid_flag").orElseThrow().name());
        }

        @Test
        void unknownModuleListsTheKnownOnesSorted() {
            ModuleRegistry reg = RegistryLoader.load(PROJECT.resolve("registry/ztf.yaml"));
            RegistryException e = assertThrows(RegistryException.class, () -> reg.select("asteroids,nope"));
            String known = e.getMessage().substring(e.getMessage().indexOf("known: ") + 7, e.getMessage().length() - 1);
            List<String> names = List.of(known.split(", "));
            assertEquals(names.stream().sorted().toList(), names);
            assertEquals(reg.modules().size(), names.size());
            assertTrue(e.getMessage().contains("unknown module 'nope'"), e.getMessage());
        }

        @Test
        void rejectsDuplicateNames() throws IOException {
            Path f = write(module(GOOD + GOOD));
            RegistryException e = assertThrows(RegistryException.class, () -> RegistryLoader.load(f));
            assertTrue(e.getMessage().contains("module 'roid' field 'name': duplicate name"), e.getMessage());
        }

        @Test
        void acceptsAColumnProducedByAnotherModule() throws IOException {
            String dependent = """
                      - name: user
                        entry: pkg.mod:f
                        type: ml
                        args: [roid]
                        output: score
                    """;
            assertEquals(2, RegistryLoader.load(write(module(GOOD + dependent))).modules().size());
        }

        @Test
        void rejectsWrongSchemaAndSurvey() throws IOException {
            Path f = write(module(GOOD).replace("fink-perf/registry/1", "v0"));
            assertTrue(assertThrows(RegistryException.class, () -> RegistryLoader.load(f)).getMessage()
                    .contains("field 'schema'"));
            Path g = write(module(GOOD).replace("survey: ztf", "survey: ptf"));
            assertTrue(assertThrows(RegistryException.class, () -> RegistryLoader.load(g)).getMessage()
                    .contains("unknown survey 'ptf'"));
        }

        @Test
        void missingFileAndBrokenYamlSayWhich() throws IOException {
            Path missing = tmp.resolve("nope.yaml");
            assertTrue(assertThrows(RegistryException.class, () -> RegistryLoader.load(missing)).getMessage()
                    .equals(missing + ": registry file not found"));
            Path broken = write("modules: [unclosed");
            assertTrue(assertThrows(RegistryException.class, () -> RegistryLoader.load(broken)).getMessage()
                    .startsWith(broken + ": not valid YAML/JSON"));
        }
    }

    @Nested
    class Selection {

        ModuleRegistry reg = RegistryLoader.load(PROJECT.resolve("registry/examples-ztf.yaml"));

        @Test
        void allKeepsRegistryOrder() {
            assertEquals(reg.names(), reg.select("all").stream().map(ModuleSpec::name).toList());
        }

        @Test
        void listKeepsRegistryOrderNotArgumentOrder() {
            assertEquals(List.of("xmatch_local", "slow_lc"),
                    reg.select("slow_lc, xmatch_local").stream().map(ModuleSpec::name).toList());
        }

        @Test
        void unknownNameIsNamed() {
            RegistryException e = assertThrows(RegistryException.class, () -> reg.select("slow_lc,typo"));
            assertTrue(e.getMessage().startsWith("unknown module 'typo'"), e.getMessage());
        }
    }
}
