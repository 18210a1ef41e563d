package org.stmagent.runtime.core;

import org.stmagent.runtime.Stm;

/**
 * Runs the bank, opacity, privatization and doomed-reader checkers with small, highly contended workloads and
 * prints what they found, one {@code name violations: N} line each. {@link BrokenValidationIsDetectedTest} starts it in a
 * child JVM, with and without {@code -Dstm.test.brokenValidation=true}, to prove the checkers catch
 * an STM that skips read validation, and with {@code -Dstm.test.noValidationRequests=true} to prove
 * the doomed-reader checker catches commits that do not ask older readers to revalidate (a transaction that commits without validating can also write
 * back into data another thread has privatized, so the privatization checker must notice too).
 *
 * <p>Arguments: optional milliseconds per checker (default 2000).
 */
public final class ValidationCheckMain {
    static final String BANK = "bank violations: ";
    static final String OPACITY = "opacity violations: ";
    static final String PRIVATIZATION = "privatization violations: ";
    static final String DOOMED_READS = "doomed-read violations: ";

    private ValidationCheckMain() {
    }

    public static void main(String[] args) {
        long millis = args.length > 0 ? Long.parseLong(args[0]) : 2_000;
        System.out.println("brokenValidation=" + System.getProperty("stm.test.brokenValidation", "false")
                + " noValidationRequests=" + System.getProperty("stm.test.noValidationRequests", "false")
                + " segmentLimit=" + Stm.segmentLimit());

        BankWorkload.Result bank = contendedBank(millis).run(60);
        System.out.println(bank);
        System.out.println(BANK + bank.violations());

        OpacityWorkload.Result opacity = contendedOpacity(millis).run(60);
        System.out.println(opacity);
        System.out.println(OPACITY + opacity.allViolations());

        PrivatizationWorkload privatization = new PrivatizationWorkload(2, millis / 2);
        PrivatizationWorkload.Result list = privatization.runList(60);
        System.out.println(list);
        PrivatizationWorkload.Result flag = privatization.runFlag(60);
        System.out.println(flag);
        System.out.println(PRIVATIZATION + (list.violations() + flag.violations()));

        DoomedReadWorkload.Result doomed = new DoomedReadWorkload(1, millis).run(60);
        System.out.println(doomed);
        System.out.println(DOOMED_READS + doomed.inconsistentReads);
        System.out.flush();
    }

    /** Few accounts, four transfer threads and an auditor: lost updates and torn audits are likely. */
    static BankWorkload contendedBank(long millis) {
        return new BankWorkload(4, 4, Integer.MAX_VALUE, 1, millis);
    }

    /** Few pairs, two writers, two readers that pause between x and y. */
    static OpacityWorkload contendedOpacity(long millis) {
        return new OpacityWorkload(4, 2, 2, Integer.MAX_VALUE, 20, millis);
    }
}
