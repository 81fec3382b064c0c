package io.finkperf.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a {@link DriverSpec} as the driver's SPEC.json ({@code fink-perf-driver/1}). */
public final class DriverSpecFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DriverSpecFile() {
    }

    public static ObjectNode toJson(DriverSpec spec) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "fink-perf-driver/1");
        root.put("module", spec.module());
        root.put("entry", spec.entry());
        root.put("call", spec.call() == null ? "pandas_udf" : spec.call());
        root.put("science_dir", spec.scienceDir().toString());
        root.put("batch", spec.batchDir().toString());
        ArrayNode args = root.putArray("args");
        for (DriverArg arg : spec.args()) {
            ObjectNode a = args.addObject();
            if (arg.isLiteral()) {
                a.set("literal", JSON.valueToTree(arg.literal()));
            } else {
                a.put("column", arg.column());
            }
        }
        root.put("warmup", spec.warmup());
        root.put("loops", spec.loops());
        root.put("line_profile", spec.lineProfile());
        root.put("output", spec.resultFile().toString());
        if (spec.energyBaselineMaxS() != null) {
            root.put("energy_baseline_max_s", spec.energyBaselineMaxS());
        }
        if (spec.scale() != null) {
            ObjectNode scale = root.putObject("scale");
            spec.scale().batchSizes().forEach(scale.putArray("batch_sizes")::add);
            spec.scale().lengths().forEach(scale.putArray("lengths")::add);
            scale.put("budget_s", spec.scale().budgetS());
        }
        if (spec.saveOutputDir() != null) {
            ObjectNode save = root.putObject("save_output");
            save.put("dir", spec.saveOutputDir().toString());
            save.put("column", spec.outputColumn());
        }
        return root;
    }

    public static Path write(DriverSpec spec, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), toJson(spec));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write driver spec " + file, e);
        }
    }
}
