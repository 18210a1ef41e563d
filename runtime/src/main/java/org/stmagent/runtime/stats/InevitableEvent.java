package org.stmagent.runtime.stats;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A JDK Flight Recorder event for every transaction that turns inevitable; its duration is the
 * wait for the inevitable token and the switch.
 */
@Name("org.stmagent.Inevitable")
@Label("Transaction Turned Inevitable")
@Category({"stm-agent"})
@Description("A transaction became inevitable: it can no longer abort, and at most one runs at a time")
@StackTrace(true)
final class InevitableEvent extends Event {
    @Label("Reason")
    String reason;

    /** Only through {@link FlightEvents}, which loads this class only while a recording runs. */
    static InevitableEvent start() {
        InevitableEvent event = new InevitableEvent();
        event.begin();
        return event;
    }

    static void end(InevitableEvent event, String reason) {
        if (event != null && event.shouldCommit()) {
            event.reason = reason;
            event.commit();
        }
    }
}
