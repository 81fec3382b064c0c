package io.finkperf.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Jackson arrays read back as plain lists, to compare with what the runners kept. */
public final class JsonArrays {

    private JsonArrays() {
    }

    public static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asLong()));
        return out;
    }
}
