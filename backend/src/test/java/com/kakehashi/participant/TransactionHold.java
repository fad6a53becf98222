package com.kakehashi.participant;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.ResultSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A transaction held at one point until the test lets it go on: {@link #awaitReached} returns once
 * it is there (with its database backend's pid, to see who waits for its locks).
 */
final class TransactionHold {

    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile int pid;

    /** Called by the held transaction's thread, inside the transaction. */
    void holdHere(JdbcOperations jdbc) {
        pid = jdbc.prepareStatement("SELECT pg_backend_pid()", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
        reached.countDown();
        try {
            if (!released.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the held transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return the held transaction's backend pid */
    int awaitReached() throws InterruptedException {
        if (!reached.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the transaction never reached the hold");
        }
        return pid;
    }

    void release() {
        released.countDown();
    }
}
