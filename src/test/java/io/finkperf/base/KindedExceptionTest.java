package io.finkperf.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class KindedExceptionTest {

    enum Kind { FIRST, SECOND }

    static final class Sample extends KindedException {
        Sample(Kind kind, String message) {
            super(kind, message);
        }

        Sample(Kind kind, String message, Throwable cause) {
            super(kind, message, cause);
        }
    }

    @Test
    void keepsItsKindMessageAndCause() {
        IOException cause = new IOException("disk full");
        Sample e = new Sample(Kind.SECOND, "cannot write out.parquet", cause);
        assertEquals(Kind.SECOND, e.kind());
        assertEquals("cannot write out.parquet", e.getMessage());
        assertSame(cause, e.getCause());
    }

    @Test
    void withoutACauseItCanStillBeGivenOneLater() {
        Sample e = new Sample(Kind.FIRST, "no such file");
        assertNull(e.getCause());
        IllegalStateException later = new IllegalStateException("found later");
        e.initCause(later);
        assertSame(later, e.getCause());
    }
}
