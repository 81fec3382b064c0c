package io.finkperf.engine;

import io.finkperf.runner.LineProfileJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.finkperf.registry.ModuleSpec;
import io.finkperf.results.DriverEnergy;
import io.finkperf.results.FunctionProfile;
import io.finkperf.results.LineProfile;
import io.finkperf.results.LineStat;
import io.finkperf.results.ModuleError;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.ModuleStatus;
import io.finkperf.results.ResultsJson;
import io.finkperf.runner.DriverOutcome;
import io.finkperf.runner.ModuleOutput;
import io.finkperf.runner.Observed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a driver outcome ({@code fink-perf-driver-result/1}) into a {@link ModuleResult}. */
final class DriverResultParser {

    /** Error kind of a module whose reported results disagree with what fink-perf observed. */

    private DriverResultParser() {
    }

    static ModuleResult parse(ModuleSpec spec, DriverOutcome outcome, Map<String, String> inputs, long expectedAlerts) {
        JsonNode r = outcome.result();
        Observed seen = outcome.observed(); // the trusted side's figures win over the driver's
        ModuleStatus status = statusOf(outcome);
        ModuleError error = status == ModuleStatus.OK ? null : errorOf(spec, outcome);
        List<Long> warmup = r != null && r.has("warmup_ns") ? longs(r.get("warmup_ns")) : outcome.warmupSeenNs();
        List<Long> samples = seen != null ? seen.samplesNs()
                : r != null && r.has("samples_ns") ? longs(r.get("samples_ns")) : outcome.samplesSeenNs();
        long nAlerts = r != null && r.has("n_alerts") ? r.get("n_alerts").asLong() : expectedAlerts;
        // failed before the module ran (import, missing package): the interpreter's RSS is not the module's
        boolean neverRan = error != null && ("import".equals(error.kind()) || "missing_package".equals(error.kind()));
        return ModuleResult.builder(spec.name(), spec.type().label(), spec.entry(), spec.output())
                .failed(status, error)
                .nAlerts(nAlerts)
                .nChunks(r == null ? 0 : r.path("n_chunks").asInt(0))
                .importNs(r == null ? 0 : r.path("import_ns").asLong(0))
                .loops(warmup, samples)
                .peakRssBytes(r == null || neverRan ? 0 : peakRss(r, seen))
                .cpuSeconds(r == null || neverRan ? 0 : seen != null && seen.cpuVisible() ? seen.cpuUserS() : r.path("cpu_user_s").asDouble(0),
                        r == null || neverRan ? 0 : seen != null && seen.cpuVisible() ? seen.cpuSysS() : r.path("cpu_sys_s").asDouble(0))
                .timing(seen == null ? null : seen.timing())
                .output(r == null ? null : textOrNull(r.get("output_hash")), r == null ? null : textOrNull(r.get("output_dtype")))
                .inputs(inputs)
                .lineProfile(r == null ? LineProfile.NONE : LineProfileJson.parse(r.get("line_profile")))
                .wallSeconds(outcome.wallTime().toMillis() / 1000.0)
                .energyDriver(driverEnergy(r))
                .build();
    }

    /** The kernel's figure (the supervisor's wait4) when it reported one, else the driver's own. */
    private static long peakRss(JsonNode r, Observed seen) {
        return seen != null && seen.peakRssBytes() > 0 ? seen.peakRssBytes() : r.path("peak_rss_bytes").asLong(0);
    }

    /**
     * The driver's raw energy object, kept as it is: the estimate derives from it. One that does
     * not parse is dropped rather than failing the module: its timings are still good.
     */
    private static DriverEnergy driverEnergy(JsonNode r) {
        JsonNode energy = r == null ? null : r.get("energy");
        if (energy == null || !energy.isObject()) {
            return null;
        }
        try {
            return ResultsJson.mapper().treeToValue(energy, DriverEnergy.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static ModuleStatus statusOf(DriverOutcome o) {
        return switch (o.status()) {
            case OK -> ModuleStatus.OK;
            case MISSING_PACKAGE -> ModuleStatus.MISSING_PACKAGE;
            case TIMEOUT -> ModuleStatus.TIMEOUT;
            case OUT_OF_MEMORY -> ModuleStatus.OUT_OF_MEMORY;
            case MODULE_ERROR, BAD_BATCH, CRASH, KILLED, INCOMPLETE, UNTRUSTED -> ModuleStatus.ERROR;
        };
    }

    private static ModuleError errorOf(ModuleSpec spec, DriverOutcome o) {
        JsonNode err = o.result() == null ? null : o.result().get("error");
        String where = "module '" + spec.name() + "' (" + spec.entry() + ")";
        switch (o.status()) {
            case TIMEOUT:
                return new ModuleError("timeout", null, where + " timed out after "
                        + o.wallTime().toSeconds() + " s (" + o.samplesSeenNs().size() + " loops finished)", null);
            case OUT_OF_MEMORY:
                return new ModuleError("out_of_memory", null, where + " was killed: "
                        + (o.errorLine() == null ? "out of memory" : o.errorLine()), null);
            case KILLED:
                return new ModuleError("killed", null, where + " was " + o.errorLine(), null);
            case INCOMPLETE:
                return new ModuleError("incomplete", null, where + " " + o.errorLine(), null);
            case UNTRUSTED:
                return new ModuleError(ModuleError.UNTRUSTED, null, where + ": " + o.errorLine(), null);
            default:
                break;
        }
        if (err == null || err.isNull()) {
            return new ModuleError("crash", null, where + " driver exited with code " + o.exitCode()
                    + (o.errorLine() == null || o.errorLine().isBlank() ? "" : ": " + o.errorLine()), null);
        }
        String kind = err.path("kind").asText("exception");
        String type = textOrNull(err.get("type"));
        String message = err.path("message").asText("");
        String pkg = textOrNull(err.get("missing_package"));
        String line = switch (kind) {
            case "missing_package" -> where + " needs python package '" + (pkg == null ? message : pkg) + "'";
            default -> where + " raised " + (type == null ? "" : type + ": ") + firstLine(message);
        };
        // the message and type come from module code: shown on the console and in the job log, sanitised
        return new ModuleError(kind, type == null ? null : ModuleOutput.sanitize(type), ModuleOutput.sanitize(line),
                textOrNull(err.get("traceback")));
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asLong()));
        return out;
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }
}
