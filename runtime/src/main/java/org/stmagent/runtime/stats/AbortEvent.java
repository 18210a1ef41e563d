package org.stmagent.runtime.stats;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A JDK Flight Recorder event for every rolled-back attempt, with the stack of the code that ran it. */
@Name("org.stmagent.TransactionAbort")
@Label("Transaction Abort")
@Category({"stm-agent"})
@Description("An attempt of a transaction was rolled back and will be retried")
@StackTrace(true)
final class AbortEvent extends Event {
    @Label("Cause")
    String cause;

    @Label("Aborts So Far")
    @Description("Aborts of this transaction, this one included")
    int aborts;

    @Label("Location")
    @Description("The field or array the attempt lost on, as the conflict report names it")
    String location;

    @Label("Lost At")
    @Description("The access of the aborted attempt that lost")
    String lostAt;

    @Label("Won By")
    @Description("The write of the transaction that won")
    String wonBy;

    /** Only through {@link FlightEvents}, which loads this class only while a recording runs. */
    static void emit(AbortCause cause, int aborts, Conflicts.Conflict conflict) {
        AbortEvent event = new AbortEvent();
        if (event.shouldCommit()) {
            event.cause = cause.label();
            event.aborts = aborts;
            if (conflict != null) {
                event.location = conflict.location().describe();
                event.lostAt = Sites.get(conflict.lostSite()).describe();
                event.wonBy = Sites.get(conflict.wonSite()).describe();
            }
            event.commit();
        }
    }
}
