package org.stmagent.runtime.core;

import org.agrona.UnsafeApi;

/**
 * What the transaction in a segment slot publishes for committers: its read limit, the write-back
 * it has in flight and that commit's read summary. The three words share one 64-byte line off the
 * heap, which nothing else uses: a committer reads all of another slot's words at once (one line
 * moved between the cores), and the owner's stores after such a read take the line back once, not
 * once per word. The fields below hold the words' addresses.
 * The slot's running thread reads its read limit in every barrier, and writes the line at attempt
 * start, at a snapshot extension and around a write-back; other threads read it at their commits,
 * and write it only to ask for a revalidation.
 */
final class PublishedState {
    private static final int LINE = 64;

    /** What a descriptor holds before it first claims a slot: in no slot, so no committer reads it. */
    static final PublishedState UNATTACHED = new PublishedState();

    /** The read limit of a transaction running alone: every unlocked orec is readable. */
    static final long UNLIMITED = Long.MAX_VALUE >>> 2;

    /**
     * The newest version the barriers' fast path accepts: the snapshot while the attempt runs
     * optimistically, 0 otherwise (inevitable, doomed, between transactions). A committer that may
     * have privatized data this attempt reaches sets it to 0 ({@link #requestValidation}), which
     * sends the attempt's next access to the slow path to revalidate.
     */
    private final long readLimit;
    /** The version this slot is writing back, {@link VersionClock#WRITEBACK_PENDING} before it has one, or 0. */
    private final long writeback;
    /**
     * The {@link OrecSummary} of the read set of the commit the marker shows, written before the
     * marker leaves 0 and unchanged until it is 0 again.
     */
    private final long readSummary;

    PublishedState() {
        long raw = UnsafeApi.allocateMemory(2L * LINE); // lives as long as its slot: the pool's, for the JVM's life
        UnsafeApi.setMemory(raw, 2L * LINE, (byte) 0);
        readLimit = (raw + LINE - 1) & -LINE;
        writeback = readLimit + 8;
        readSummary = readLimit + 16;
    }

    /** The read limit (a volatile read). */
    long readLimit() {
        return UnsafeApi.getLongVolatile(null, readLimit);
    }

    /** The read limit's address, for the owner's barriers (read it with a volatile load). */
    long readLimitAddress() {
        return readLimit;
    }

    /** The owner publishes its snapshot (a full fence: later reads are ordered after it). */
    void publishSnapshot(long snapshot) {
        UnsafeApi.putLongVolatile(null, readLimit, snapshot);
    }

    /** The owner leaves the fast path (inevitable, doomed, done). */
    void closeFastPath() {
        UnsafeApi.putLongRelease(null, readLimit, 0L);
    }

    /**
     * A committer with version {@code version}: if this slot's attempt reads under an older
     * snapshot, send it to revalidate before it accepts another value.
     */
    void requestValidation(long version) {
        long limit = readLimit();
        if (limit != 0 && limit < version) {
            UnsafeApi.compareAndSetLong(null, readLimit, limit, 0L);
        }
    }

    /**
     * A commit is about to draw its version: publishes the summary of what it read, then the
     * marker {@link VersionClock#WRITEBACK_PENDING} (a release store: the summary is seen with it).
     */
    void startWriteback(long readSummary) {
        UnsafeApi.putLongRelease(null, this.readSummary, readSummary);
        UnsafeApi.putLongRelease(null, writeback, VersionClock.WRITEBACK_PENDING);
    }

    /** The write-back marker: the commit's version once drawn, 0 when done. */
    void markWriteback(long version) {
        UnsafeApi.putLongRelease(null, writeback, version);
    }

    long writeback() {
        return UnsafeApi.getLongVolatile(null, writeback);
    }

    /** The read summary of the commit the marker showed, if it still shows it (check that after). */
    long readSummary() {
        return UnsafeApi.getLongVolatile(null, readSummary);
    }

    /**
     * The write-back marker once it no longer says {@link VersionClock#WRITEBACK_PENDING}: 0, or
     * the version of the commit in flight (a commit drawing its version is waited for).
     */
    long awaitVersionDrawn() {
        int round = 0;
        long v;
        while ((v = writeback()) == VersionClock.WRITEBACK_PENDING) {
            round = Spin.pause(round);
        }
        return v;
    }

    /** Waits while this slot writes back a commit older than {@code version}. */
    void awaitWritebackBefore(long version) {
        int round = 0;
        long v;
        while ((v = writeback()) != 0 && v < version) {
            round = Spin.pause(round);
        }
    }
}
