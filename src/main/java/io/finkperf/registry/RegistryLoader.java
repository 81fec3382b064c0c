package io.finkperf.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads a registry file ({@code fink-perf/registry/1}, YAML or JSON) and validates it whole, so a
 * mistake fails at load with the file, the module and the field, not in the middle of a run.
 */
public final class RegistryLoader {

    public static final String SCHEMA = "fink-perf/registry/1";
    private static final Pattern ENTRY = Pattern.compile(
            "[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*:[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Set<String> FIELDS = Set.of(
            "name", "entry", "type", "call", "args", "output", "packages", "description", "files", "network", "derived");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Module names become file names (results, line profiles, work folders). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}");
    /** The real ZTF registry is ~20 kB. */
    static final long MAX_BYTES = 1L << 20;

    private RegistryLoader() {
    }

    private static String where(com.fasterxml.jackson.core.JsonProcessingException e) {
        var loc = e.getLocation();
        return loc == null || loc.getLineNr() < 1 ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private static String printable(String s) {
        String cut = s.length() > 60 ? s.substring(0, 60) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    public static ModuleRegistry load(Path file) {
        String src = file.toString();
        JsonNode root;
        try {
            // checked before parsing: a registry can come from a pull request, and YAML parsing of a huge scalar is slow
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new RegistryException(src + ": registry file is " + size + " bytes, more than the " + MAX_BYTES
                        + " allowed");
            }
            root = YAML.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new RegistryException(src + ": registry file not found");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RegistryException(src + ": not valid YAML/JSON" + where(e) + ": " + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new RegistryException(src + ": not valid YAML/JSON: " + firstLine(e.getMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new RegistryException(src + ": empty registry or not a mapping");
        }
        String schema = root.path("schema").asText("");
        if (!SCHEMA.equals(schema)) {
            throw new RegistryException(src + ": field 'schema' must be '" + SCHEMA + "', got '" + schema + "'");
        }
        String survey = root.path("survey").asText("");
        if (survey.isEmpty()) {
            throw new RegistryException(src + ": field 'survey' is missing");
        }
        SurveyColumns known;
        try {
            known = SurveyColumns.of(survey);
        } catch (RegistryException e) {
            throw new RegistryException(src + ": field 'survey': " + e.getMessage());
        }
        JsonNode list = root.path("modules");
        if (!list.isArray() || list.isEmpty()) {
            throw new RegistryException(src + ": field 'modules' must be a non-empty list");
        }
        List<ModuleSpec> modules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int index = 0;
        for (JsonNode node : list) {
            ModuleSpec spec = parseModule(src, index++, node);
            if (!names.add(spec.name())) {
                throw new RegistryException(src + ": module '" + spec.name() + "' field 'name': duplicate name");
            }
            modules.add(spec);
        }
        checkColumns(src, modules, known);
        return new ModuleRegistry(src, survey, modules);
    }

    private static ModuleSpec parseModule(String src, int index, JsonNode node) {
        if (!node.isObject()) {
            throw new RegistryException(src + ": modules[" + index + "] is not a mapping");
        }
        String name = node.path("name").asText("");
        String where = src + ": module '" + (name.isEmpty() ? "#" + index : name) + "' field ";
        if (name.isEmpty()) {
            throw new RegistryException(where + "'name': missing");
        }
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            throw new RegistryException(src + ": modules[" + index + "] field 'name': '" + printable(name)
                    + "' is not a plain module name (letters, digits, _ . -; it names files)");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new RegistryException(where + "'" + f + "': unknown field (known: " + String.join(", ", FIELDS) + ")");
            }
        }
        String entry = required(node, "entry", where);
        if (!ENTRY.matcher(entry).matches()) {
            throw new RegistryException(where + "'entry': malformed entry point '" + entry
                    + "' (expected package.module:function)");
        }
        String typeText = required(node, "type", where);
        ModuleType type = ModuleType.parse(typeText).orElseThrow(() -> new RegistryException(
                where + "'type': unknown type '" + typeText + "' (known: xmatch, ml, feature, flag, agg)"));
        String callText = node.path("call").asText("pandas_udf");
        CallKind call = CallKind.parse(callText).orElseThrow(() -> new RegistryException(
                where + "'call': unknown call kind '" + callText + "' (known: pandas_udf, udf, dataframe)"));
        String output = required(node, "output", where);
        if (!COLUMN.matcher(output).matches()) {
            throw new RegistryException(where + "'output': malformed column name '" + printable(output) + "'");
        }
        JsonNode argsNode = node.path("args");
        if (!argsNode.isArray()) {
            throw new RegistryException(where + "'args': missing or not a list");
        }
        List<ModuleArg> args = new ArrayList<>();
        for (JsonNode a : argsNode) {
            args.add(parseArg(a, where));
        }
        List<String> packages = new ArrayList<>();
        for (JsonNode p : node.path("packages")) {
            packages.add(p.asText());
        }
        List<String> files = new ArrayList<>();
        for (JsonNode f : node.path("files")) {
            files.add(f.asText());
        }
        JsonNode network = node.path("network");
        if (!network.isMissingNode() && !network.isBoolean()) {
            throw new RegistryException(where + "'network': expected true or false, got '" + network.asText() + "'");
        }
        List<String> derived = new ArrayList<>();
        for (JsonNode d : node.path("derived")) {
            String col = d.asText();
            if (!COLUMN.matcher(col).matches()) {
                throw new RegistryException(where + "'derived': malformed column name '" + col + "'");
            }
            derived.add(col);
        }
        return new ModuleSpec(name, entry, type, call, args, output, packages, node.path("description").asText(""),
                files, network.asBoolean(false), derived);
    }

    private static ModuleArg parseArg(JsonNode a, String where) {
        if (a.isTextual()) {
            String col = a.asText();
            if (!COLUMN.matcher(col).matches()) {
                throw new RegistryException(where + "'args': malformed column name '" + col + "'");
            }
            return ModuleArg.column(col);
        }
        if (a.isObject() && a.size() == 2 && a.has("item") && a.has("key")) {
            return ModuleArg.item(columnName(a.get("item"), where), a.get("key").asText());
        }
        if (a.isObject() && a.size() == 1 && a.has("array_min")) {
            return ModuleArg.arrayMin(columnName(a.get("array_min"), where));
        }
        if (a.isObject() && a.size() == 1 && a.has("lit")) {
            JsonNode v = a.get("lit");
            Object value = v.isNull() ? null : v.isIntegralNumber() ? (Object) v.asLong()
                    : v.isNumber() ? (Object) v.asDouble() : v.isBoolean() ? (Object) v.asBoolean() : v.asText();
            return ModuleArg.literal(value);
        }
        throw new RegistryException(where + "'args': expected a column name, {lit: value}, {item: column, key: k}"
                + " or {array_min: column}, got " + a);
    }

    private static String columnName(JsonNode n, String where) {
        String col = n.asText("");
        if (!n.isTextual() || !COLUMN.matcher(col).matches()) {
            throw new RegistryException(where + "'args': malformed column name '" + n + "'");
        }
        return col;
    }

    private static void checkColumns(String src, List<ModuleSpec> modules, SurveyColumns known) {
        Set<String> produced = new HashSet<>();
        modules.forEach(m -> {
            produced.add(m.output());
            produced.addAll(m.derived());
        });
        for (ModuleSpec m : modules) {
            for (String col : m.sourceColumns()) {
                if (!known.contains(col) && !produced.contains(col)) {
                    throw new RegistryException(src + ": module '" + m.name() + "' field 'args': column '" + col
                            + "' is neither an alert column of the survey nor produced by a module of this registry");
                }
            }
        }
    }

    private static String required(JsonNode node, String field, String where) {
        String v = node.path(field).asText("");
        if (v.isEmpty()) {
            throw new RegistryException(where + "'" + field + "': missing");
        }
        return v;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
