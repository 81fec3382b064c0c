package io.finkperf.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the {@code run:} steps of a composite action the way the GitHub runner does: step by step,
 * env from the step's {@code env:} with expressions evaluated, a fresh GITHUB_OUTPUT per step,
 * {@code bash --noprofile --norc -eo pipefail}, and {@code if:} conditions. Only the expression
 * forms action.yml uses are understood; anything else fails, so the action cannot silently
 * outgrow this harness.
 */
final class ActionSteps {

    private static final Pattern EXPR = Pattern.compile("\\$\\{\\{\\s*(.+?)\\s*}}");

    record StepRun(String id, String name, boolean ran, int exitCode, String log, Map<String, String> outputs) {
        boolean ok() {
            return !ran || exitCode == 0;
        }
    }

    private final JsonNode action;
    private final Map<String, String> inputs = new HashMap<>();
    private final Map<String, String> github;
    private final Map<String, String> runner;
    private final Map<String, String> baseEnv;
    private final Path dir;
    final Map<String, StepRun> byId = new LinkedHashMap<>();
    final List<StepRun> runs = new ArrayList<>();
    final StringBuilder summary = new StringBuilder();
    boolean failed;

    ActionSteps(Path actionYml, Map<String, String> given, Map<String, String> github, Map<String, String> runner,
                Map<String, String> baseEnv, Path dir) throws IOException {
        this.action = new ObjectMapper(new YAMLFactory()).readTree(actionYml.toFile());
        action.get("inputs").fields().forEachRemaining(e -> inputs.put(e.getKey(), e.getValue().path("default").asText("")));
        given.forEach((k, v) -> {
            if (!inputs.containsKey(k)) {
                throw new IllegalArgumentException("action.yml has no input '" + k + "'");
            }
            inputs.put(k, v);
        });
        this.github = github;
        this.runner = runner;
        this.baseEnv = baseEnv;
        this.dir = dir;
    }

    static JsonNode load(Path actionYml) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(actionYml.toFile());
    }

    ActionSteps runAll() throws IOException, InterruptedException {
        int i = 0;
        for (JsonNode step : action.path("runs").path("steps")) {
            i++;
            String id = step.path("id").asText("step" + i);
            String name = step.path("name").asText(id);
            boolean run = condition(step.path("if").asText(""));
            if (!run || step.has("uses")) {
                record(new StepRun(id, name, false, 0, step.has("uses") ? "skipped: uses " + step.get("uses").asText() : "skipped: if", Map.of()));
                continue;
            }
            record(runStep(i, id, name, step));
        }
        return this;
    }

    private void record(StepRun r) {
        byId.put(r.id(), r);
        runs.add(r);
        if (!r.ok()) {
            failed = true;
        }
    }

    private StepRun runStep(int i, String id, String name, JsonNode step) throws IOException, InterruptedException {
        Path stepDir = Files.createDirectories(dir.resolve("steps").resolve(i + "-" + id));
        Path output = Files.createFile(stepDir.resolve("output"));
        Path stepSummary = Files.createFile(stepDir.resolve("summary"));
        Path script = stepDir.resolve("script.sh");
        Files.writeString(script, step.path("run").asText());
        Map<String, String> env = new LinkedHashMap<>(baseEnv);
        env.put("GITHUB_OUTPUT", output.toString());
        env.put("GITHUB_STEP_SUMMARY", stepSummary.toString());
        env.put("GITHUB_ENV", stepDir.resolve("env").toString());
        step.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), substitute(e.getValue().asText())));
        ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString())
                .directory(Path.of(baseEnv.get("GITHUB_WORKSPACE")).toFile()).redirectErrorStream(true)
                .redirectOutput(stepDir.resolve("log").toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("step " + id + " hung");
        }
        summary.append(Files.readString(stepSummary));
        return new StepRun(id, name, true, p.exitValue(), Files.readString(stepDir.resolve("log")), parseOutputs(output));
    }

    /** name=value lines, and name<<DELIM ... DELIM blocks, as the runner reads them. */
    static Map<String, String> parseOutputs(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            int heredoc = l.indexOf("<<");
            int eq = l.indexOf('=');
            if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
                String delim = l.substring(heredoc + 2);
                StringBuilder v = new StringBuilder();
                for (i++; !lines.get(i).equals(delim); i++) {
                    v.append(v.length() > 0 ? "\n" : "").append(lines.get(i));
                }
                out.put(l.substring(0, heredoc), v.toString());
            } else if (eq > 0) {
                out.put(l.substring(0, eq), l.substring(eq + 1));
            }
        }
        return out;
    }

    String substitute(String text) {
        Matcher m = EXPR.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(value(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private String value(String expr) {
        String[] p = expr.split("\\.");
        return switch (p[0]) {
            case "inputs" -> require(inputs, expr.substring("inputs.".length()), expr);
            case "github" -> require(github, expr.substring("github.".length()), expr);
            case "runner" -> require(runner, p[1], expr);
            case "steps" -> {
                StepRun r = byId.get(p[1]);
                if (p.length == 4 && p[2].equals("outputs")) {
                    yield r == null ? "" : r.outputs().getOrDefault(p[3], "");
                }
                if (p.length == 3 && p[2].equals("outcome")) {
                    yield r == null ? "" : !r.ran() ? "skipped" : r.exitCode() == 0 ? "success" : "failure";
                }
                throw new AssertionError("unsupported expression: " + expr);
            }
            default -> throw new AssertionError("unsupported expression: " + expr);
        };
    }

    private static String require(Map<String, String> m, String key, String expr) {
        String v = m.get(key);
        if (v == null) {
            throw new AssertionError("expression " + expr + " has no value in the test context");
        }
        return v;
    }

    /** "" (success()), always(), "a == 'b'", joined by &&. */
    private boolean condition(String cond) {
        boolean always = false;
        boolean result = true;
        if (cond.isBlank()) {
            return !failed;
        }
        for (String term : cond.replace("${{", "").replace("}}", "").split("&&")) {
            String t = term.strip();
            if (t.equals("always()")) {
                always = true;
            } else if (t.matches("[\\w.-]+ == '[^']*'")) {
                String[] lr = t.split(" == ");
                result &= value(lr[0]).equals(lr[1].substring(1, lr[1].length() - 1));
            } else {
                throw new AssertionError("unsupported if: " + cond);
            }
        }
        return result && (always || !failed);
    }

    String input(String name) {
        return inputs.get(name);
    }
}
