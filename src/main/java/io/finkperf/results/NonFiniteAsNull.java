package io.finkperf.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * JSON has no NaN: a statistic a module does not have (no samples, failed before measuring) is
 * written as null, and a null read back into a {@code double} is NaN again. Files written before
 * this rule hold the string "NaN", which Jackson still reads as NaN.
 */
final class NonFiniteAsNull extends StdSerializer<Double> {

    private NonFiniteAsNull() {
        super(Double.class);
    }

    static SimpleModule module() {
        SimpleModule m = new SimpleModule("fink-perf-non-finite-as-null");
        m.addSerializer(Double.class, new NonFiniteAsNull());
        m.addSerializer(Double.TYPE, new NonFiniteAsNull());
        m.addDeserializer(Double.TYPE, new NumberDeserializers.DoubleDeserializer(Double.TYPE, Double.NaN));
        return m;
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (Double.isFinite(value)) {
            gen.writeNumber(value);
        } else {
            gen.writeNull();
        }
    }
}
