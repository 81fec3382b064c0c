package io.finkperf.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/** Reads back every part a transfer wrote (skipping hidden files, as Spark does), with its folder. */
public final class TransferOutput {

    public record Alert(String folder, GenericRecord record) {
    }

    private TransferOutput() {
    }

    public static List<Path> parts(Path outDir) throws IOException {
        try (Stream<Path> w = Files.walk(outDir)) {
            return w.filter(Files::isRegularFile).filter(p -> {
                for (Path part : outDir.relativize(p)) {
                    if (part.toString().startsWith(".") || part.toString().startsWith("_")) {
                        return false;
                    }
                }
                return true;
            }).sorted().toList();
        }
    }

    public static List<Alert> read(Path outDir) throws IOException {
        List<Alert> out = new ArrayList<>();
        for (Path p : parts(outDir)) {
            String folder = outDir.relativize(p.getParent() == null ? outDir : p.getParent()).toString();
            if (p.toString().endsWith(".parquet")) {
                try (ParquetReader<GenericRecord> r = AvroParquetReader.<GenericRecord>builder(
                        HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(p.toUri()), new Configuration()))
                        .withDataModel(GenericData.get()).build()) {
                    for (GenericRecord g = r.read(); g != null; g = r.read()) {
                        out.add(new Alert(folder, g));
                    }
                }
            } else if (p.toString().endsWith(".avro")) {
                try (DataFileReader<GenericRecord> r = new DataFileReader<>(p.toFile(), new GenericDatumReader<>())) {
                    r.forEach(g -> out.add(new Alert(folder, g)));
                }
            } else {
                throw new IOException("unexpected file in output: " + p);
            }
        }
        return out;
    }
}
