package io.finkperf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Help.properties against the command tree: picocli prints an empty description when an option's key is missing,
 * and says nothing about a key no option reads (a typo, or an option renamed).
 */
class HelpBundleTest {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("io.finkperf.cli.Help");

    @Nested
    class TheCommandTree {

        @Test
        void everyOptionAndParameterHasItsTextInTheBundle() {
            assertEquals(List.of(), new Lookup(Main.commandLine()).missing());
        }

        @Test
        void everyKeyOfTheBundleIsRead() {
            Set<String> unread = new TreeSet<>(BUNDLE.keySet().stream().map(HelpBundleTest::withoutLineIndex).toList());
            unread.removeAll(new Lookup(Main.commandLine()).used());
            assertEquals(Set.of(), unread);
        }

        @Test
        void everyCommandHasADescription() {
            for (CommandSpec spec : new Lookup(Main.commandLine()).commands) {
                assertTrue(String.join("", spec.usageMessage().description()).strip().length() > 10, spec.qualifiedName());
            }
        }

        @Test
        void textsAreTheBundlesWithTheirVariables() {
            OptionSpec rounds = Main.commandLine().getSubcommands().get("compare").getCommandSpec().findOption("--rounds");
            assertTrue(BUNDLE.getString("rounds").endsWith("(default: ${DEFAULT-VALUE})."), BUNDLE.getString("rounds"));
            assertEquals(BUNDLE.getString("rounds").replace("${DEFAULT-VALUE}", "10"), rounds.description()[0]);
        }

        @Test
        void aSubcommandsOwnKeyWinsOverTheSharedOne() {
            var history = Main.commandLine().getSubcommands().get("history").getSubcommands();
            assertEquals("The history store (created if missing).",
                    history.get("append").getCommandSpec().findOption("--store").description()[0]);
            assertEquals("The history store.", history.get("report").getCommandSpec().findOption("--store").description()[0]);
        }
    }

    @Nested
    class TheCheckItself {

        @Command(name = "probe")
        static final class Probe implements Runnable {
            @Option(names = "--undocumented") int undocumented;
            @Option(names = "--rounds") int rounds;
            @Parameters(paramLabel = "FILE") String file;

            @Override
            public void run() {
            }
        }

        @Test
        void reportsAnOptionOrParameterWithoutText() {
            CommandLine root = Main.commandLine().addSubcommand(new Probe());
            assertEquals(List.of("fink-perf probe --undocumented", "fink-perf probe FILE"),
                    new Lookup(root).missing().stream().filter(m -> m.startsWith("fink-perf probe")).toList());
            OptionSpec undocumented = root.getSubcommands().get("probe").getCommandSpec().findOption("--undocumented");
            assertEquals(0, undocumented.description().length, "picocli itself stays silent");
        }

        @Test
        void findsASharedKeyForAnyCommandThatHasTheOption() {
            CommandLine root = Main.commandLine().addSubcommand(new Probe());
            assertTrue(new Lookup(root).used().contains("rounds"));
        }
    }

    /** A bundle key and, with its command's qualified name in front, the key picocli tries first. */
    private static final class Lookup {

        final List<CommandSpec> commands = new ArrayList<>();
        private final List<String> missing = new ArrayList<>();
        private final Set<String> used = new TreeSet<>();

        Lookup(CommandLine root) {
            collect(root);
            for (CommandSpec spec : commands) {
                read(spec, "usage.description");
                read(spec, "usage.footer");
                for (ArgSpec arg : spec.args()) {
                    if (!picocliOwn(arg)) {
                        read(spec, arg).ifPresentOrElse(used::add, () -> missing.add(spec.qualifiedName() + " " + label(arg)));
                    }
                }
            }
        }

        List<String> missing() {
            return missing;
        }

        Set<String> used() {
            return used;
        }

        private void collect(CommandLine cmd) {
            commands.add(cmd.getCommandSpec());
            cmd.getSubcommands().values().forEach(this::collect);
        }

        private void read(CommandSpec spec, String key) {
            found(spec.qualifiedName(".") + "." + key).or(() -> found(key)).ifPresent(used::add);
        }

        /** picocli's order: the descriptionKey, then each name without dashes (a positional: LABEL[index]). */
        private static Optional<String> read(CommandSpec spec, ArgSpec arg) {
            List<String> keys = new ArrayList<>();
            if (!arg.descriptionKey().isEmpty()) {
                keys.add(arg.descriptionKey());
            }
            if (arg instanceof OptionSpec o) {
                for (String name : o.names()) {
                    keys.add(name.replaceFirst("^-+", ""));
                }
            } else {
                PositionalParamSpec p = (PositionalParamSpec) arg;
                keys.add(p.paramLabel() + "[" + p.index() + "]");
            }
            for (String key : keys) {
                Optional<String> hit = found(spec.qualifiedName(".") + "." + key).or(() -> found(key));
                if (hit.isPresent()) {
                    return hit;
                }
            }
            return Optional.empty();
        }

        private static Optional<String> found(String key) {
            return BUNDLE.containsKey(key) || BUNDLE.containsKey(key + ".0") ? Optional.of(key) : Optional.empty();
        }

        private static boolean picocliOwn(ArgSpec arg) {
            return arg.descriptionKey().startsWith("mixinStandardHelpOptions.") || arg.descriptionKey().startsWith("helpCommand.");
        }

        private static String label(ArgSpec arg) {
            return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
        }
    }

    private static String withoutLineIndex(String key) {
        return key.replaceFirst("\\.\\d+$", "");
    }
}
