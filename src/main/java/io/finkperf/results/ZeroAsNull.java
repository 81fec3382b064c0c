package io.finkperf.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * For a measurement where 0 means "not measured" in Java (a process never has 0 bytes resident):
 * written as null, and a null read back into the {@code long} is 0 again.
 */
final class ZeroAsNull extends StdSerializer<Long> {

    ZeroAsNull() {
        super(Long.class);
    }

    @Override
    public void serialize(Long value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (value == 0) {
            gen.writeNull();
        } else {
            gen.writeNumber(value);
        }
    }
}
