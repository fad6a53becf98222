package com.kakehashi.participant;

import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The real audience that, once armed, holds the next reader's transaction right after the read:
 * the window in which a wave has its audience but has not yet written its invitations.
 */
@Singleton
@Replaces(ParticipantAudience.class)
@Requires(property = "participant-test.pausing-audience", value = "true")
class PausingAudience extends ParticipantAudience {

    /** One held read: {@link #read} opens once the members are read, the reader goes on when {@link #resume} opens. */
    static final class Pause {
        final CountDownLatch read = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);
        volatile int readerPid;
    }

    private final JdbcOperations jdbc;
    private volatile Pause next;

    PausingAudience(JdbcOperations jdbc) {
        super(jdbc);
        this.jdbc = jdbc;
    }

    Pause pauseNextRead() {
        Pause pause = new Pause();
        next = pause;
        return pause;
    }

    @Override
    @Transactional
    public List<Member> members(Set<Side> sides, Set<Level> levels) {
        List<Member> members = super.members(sides, levels);
        Pause pause = next;
        if (pause != null) {
            next = null;
            pause.readerPid = jdbc.prepareStatement("SELECT pg_backend_pid()", ps -> {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            pause.read.countDown();
            try {
                if (!pause.resume.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never resumed the held read");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return members;
    }
}
