package io.finkperf.data;

import java.io.Serializable;

/** One column of a batch as the manifest describes it. */
record BatchColumn(String name, boolean list, BatchDtype dtype) implements Serializable {

    String kind() {
        return list ? "list" : "scalar";
    }
}
