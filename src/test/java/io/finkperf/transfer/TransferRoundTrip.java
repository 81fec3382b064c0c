package io.finkperf.transfer;

import java.io.IOException;

/** The two fixture surveys and the id that tells their alerts apart. */
enum TransferRoundTrip {
    ZTF("candid"), LSST("diaSourceId");

    final String id;

    TransferRoundTrip(String id) {
        this.id = id;
    }

    TransferTopics.Fixture fixture() throws IOException {
        return this == ZTF ? TransferTopics.ztf() : TransferTopics.lsst();
    }
}
