package io.finkperf.transfer;

/** File format of the parts: parquet (what {@code profile --data} reads) or Avro container files. */
public enum OutputFormat {
    PARQUET("parquet"), AVRO("avro");

    private final String extension;

    OutputFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public static OutputFormat parse(String s) {
        return switch (s) {
            case "parquet" -> PARQUET;
            case "avro" -> AVRO;
            default -> throw new IllegalArgumentException("--format must be parquet or avro, got '" + s + "'");
        };
    }
}
