package org.stmagent.samples.thirdparty.workloads;

/** A workload's invariant checks: one line each, then the closing line {@code N passed, N failed}. */
final class Checks {
    private int passed;
    private int failed;

    void check(String what, boolean holds) {
        if (holds) {
            passed++;
            System.out.println("ok " + what);
        } else {
            failed++;
            System.out.println("FAILED " + what);
        }
    }

    /** Prints the closing line; the exit status for it. */
    int close() {
        System.out.printf("%d passed, %d failed%n", passed, failed);
        return failed == 0 ? 0 : 1;
    }
}
