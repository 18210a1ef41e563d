package org.stmagent.runtime.stats;

import jdk.jfr.FlightRecorder;

/**
 * The gate to the Flight Recorder events. Loading a subclass of {@code jdk.jfr.Event} sets up
 * Flight Recorder machinery, about 200 ms the first time in a JVM; that must not land inside an
 * application's first abort unless the user is recording. So this plain class checks first, and
 * the event classes are loaded only while a recording runs.
 */
public final class FlightEvents {
    private FlightEvents() {
    }

    /** An abort event, with the conflict it was charged to (null when statistics are off). */
    public static void abort(AbortCause cause, int aborts, Conflicts.Conflict conflict) {
        if (FlightRecorder.isInitialized()) {
            AbortEvent.emit(cause, aborts, conflict);
        }
    }

    /** A token for {@link #inevitableEnd}: an event when recording, else null. */
    public static Object inevitableStart() {
        return FlightRecorder.isInitialized() ? InevitableEvent.start() : null;
    }

    /** Ends the event with the site that made the transaction inevitable as its reason. */
    public static void inevitableEnd(Object token, int site) {
        if (token != null) {
            InevitableEvent.end((InevitableEvent) token, Sites.get(site).describe());
        }
    }
}
