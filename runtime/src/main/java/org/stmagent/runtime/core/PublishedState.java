package org.stmagent.runtime.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Padding before the published fields, so no other object's hot fields share their cache line. */
abstract class PublishedStatePadBefore {
    long p01, p02, p03, p04, p05, p06, p07, p08;
}

/** The read limit, on a line of its own: read in every barrier by the owner. */
abstract class PublishedStateReadLimit extends PublishedStatePadBefore {
    /**
     * The newest version the barriers' fast path accepts: the snapshot while the attempt runs
     * optimistically, 0 otherwise (inevitable, doomed, between transactions). A committer that may
     * have privatized data this attempt reaches sets it to 0 ({@link PublishedState#requestValidation}),
     * which sends the attempt's next access to the slow path to revalidate.
     */
    volatile long readLimit;
}

/** Padding between the two published words. */
abstract class PublishedStatePadBetween extends PublishedStateReadLimit {
    long m01, m02, m03, m04, m05, m06, m07, m08;
}

/**
 * The write-back marker, on another line: the owner writes it three times per writing commit and
 * other committers read it, which must not evict the read limit from the owner's cache.
 */
abstract class PublishedStateFields extends PublishedStatePadBetween {
    /** The version this slot is writing back, {@link VersionClock#WRITEBACK_PENDING} before it has one, or 0. */
    volatile long writeback;
}

/** Padding after the published fields. */
abstract class PublishedStatePadAfter extends PublishedStateFields {
    long q01, q02, q03, q04, q05, q06, q07, q08;
}

/**
 * What the transaction in a segment slot publishes for committers, each word on a cache line of its own: its read
 * limit and the write-back it has in flight. The slot's running thread reads its read limit in every barrier, and writes
 * the line at attempt start, at a snapshot extension and around a write-back; other threads read it
 * at their commits, and write it only to ask for a revalidation.
 */
final class PublishedState extends PublishedStatePadAfter {
    private static final VarHandle READ_LIMIT;
    private static final VarHandle WRITEBACK;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            READ_LIMIT = lookup.findVarHandle(PublishedStateReadLimit.class, "readLimit", long.class);
            WRITEBACK = lookup.findVarHandle(PublishedStateFields.class, "writeback", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The read limit of a transaction running alone: every unlocked orec is readable. */
    static final long UNLIMITED = Long.MAX_VALUE >>> 2;

    /** The owner publishes its snapshot (a full fence: later reads are ordered after it). */
    void publishSnapshot(long snapshot) {
        readLimit = snapshot;
    }

    /** The owner leaves the fast path (inevitable, doomed, done). */
    void closeFastPath() {
        READ_LIMIT.setRelease(this, 0L);
    }

    /**
     * A committer with version {@code version}: if this slot's attempt reads under an older
     * snapshot, send it to revalidate before it accepts another value.
     */
    void requestValidation(long version) {
        long limit = readLimit;
        if (limit != 0 && limit < version) {
            READ_LIMIT.compareAndSet(this, limit, 0L);
        }
    }

    void markWriteback(long version) {
        WRITEBACK.setRelease(this, version);
    }

    /**
     * The write-back marker once it no longer says {@link VersionClock#WRITEBACK_PENDING}: 0, or
     * the version of the commit in flight (a commit drawing its version is waited for).
     */
    long awaitVersionDrawn() {
        int round = 0;
        long v;
        while ((v = writeback) == VersionClock.WRITEBACK_PENDING) {
            round = Spin.pause(round);
        }
        return v;
    }

    /** Waits while this slot writes back a commit older than {@code version}. */
    void awaitWritebackBefore(long version) {
        int round = 0;
        long v;
        while ((v = writeback) != 0 && v < version) {
            round = Spin.pause(round);
        }
    }
}
