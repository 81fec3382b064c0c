package io.finkperf.data;

import io.finkperf.batch.NpyArray;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** Paths of the bundled datasets and small helpers to read a written batch back. */
public final class TestData {

    public static final Path PROJECT = Path.of(System.getProperty("finkperf.projectDir", ".")).toAbsolutePath();
    public static final Path ZTF_RAW = PROJECT.resolve("datasets/ztf/alerts_raw_51.parquet");
    public static final Path ZTF_FTRANSFER = PROJECT.resolve("datasets/ztf/ftransfer_sample_72.parquet");
    public static final Path RUBIN = PROJECT.resolve("datasets/rubin/rubin_sample.parquet");
    /** 7 real Rubin alerts of 2026, an Avro container file written by the Fink Data Transfer client. */
    public static final Path RUBIN_AVRO = PROJECT.resolve("datasets/rubin/part-2-918301.avro");

    private TestData() {
    }

    public static JsonNode manifest(Path batch) throws IOException {
        return new ObjectMapper().readTree(batch.resolve("manifest.json").toFile());
    }

    public static NpyArray npy(Path batch, String chunk, String column, String part) throws IOException {
        return NpyArray.read(batch.resolve(chunk).resolve(column + "." + part + ".npy"));
    }
}
