package io.finkperf.history;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.finkperf.base.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** What makes two runs' raw timings comparable: the same CPU, core count, Python stack and runner. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MachineFingerprint(String cpuModel, int cores, String python, String numpy, String runner, String image,
                                 String imageDigest) {

    /** A short stable id: equal fingerprints, equal ids. */
    @JsonIgnore
    public String id() {
        String all = String.join("\u0000", Objects.toString(cpuModel), Integer.toString(cores), Objects.toString(python),
                Objects.toString(numpy), Objects.toString(runner), Objects.toString(image), Objects.toString(imageDigest));
        var d = Sha256.digest();
        d.update(all.getBytes(StandardCharsets.UTF_8));
        return Sha256.hex(d).substring(0, 10);
    }

    /** For a chart label: "CPU · n cores · Python x · numpy y · runner". */
    public String describe() {
        return (cpuModel == null ? "?" : cpuModel) + " · " + cores + " cores · Python " + python + " · numpy " + numpy
                + " · " + runner + (image == null ? "" : " " + image);
    }
}
