package io.plus.serve.problem;

import io.smallrye.mutiny.CompositeException;
import org.junit.jupiter.api.Test;

import java.net.SocketException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseFailuresTest {

    @Test
    void aConnectionResetGatheredWithALiveTransactionIsTheDatabaseBeingAway() {
        // what Hibernate Reactive and the pg client gave at the instant PostgreSQL stopped
        CompositeException both = new CompositeException(
                new IllegalStateException("HR000064: Live transaction detected while closing the connection: it will be roll backed"),
                new RuntimeException(new SocketException("Connection reset")));
        assertTrue(DatabaseFailures.isUnavailable(both));
        assertTrue(DatabaseFailures.isUnavailable(new CompositeException(new IllegalArgumentException("x"),
                new IllegalStateException("Pool closed"))));
        assertTrue(DatabaseFailures.isUnavailable(wrapped(new SocketException("Broken pipe"))));
        RuntimeException suppressing = new RuntimeException("flush failed");
        suppressing.addSuppressed(new IllegalStateException("Connection is closed"));
        assertTrue(DatabaseFailures.isUnavailable(suppressing));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseFailures.isUnavailable(new IllegalStateException("value too long for type character varying")));
        assertFalse(DatabaseFailures.isUnavailable(new CompositeException(new IllegalArgumentException("a"),
                new NullPointerException())));
        RuntimeException loop = new RuntimeException("loop");
        RuntimeException other = new RuntimeException("other", loop);
        loop.initCause(other);
        assertFalse(DatabaseFailures.isUnavailable(loop));
    }

    private static RuntimeException wrapped(Throwable cause) {
        return new RuntimeException("outer", new IllegalStateException("middle", cause));
    }
}
