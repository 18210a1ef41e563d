package org.stmagent.runtime;

/**
 * Runs the bank and opacity checkers with a small, highly contended workload and prints what they
 * found, one {@code name violations: N} line each. {@link BrokenValidationIsDetectedTest} starts it in a
 * child JVM, with and without {@code -Dstm.test.brokenValidation=true}, to prove the checkers catch
 * an STM that skips read validation.
 *
 * <p>Arguments: optional milliseconds per checker (default 2500).
 */
public final class ValidationCheckMain {
    static final String BANK = "bank violations: ";
    static final String OPACITY = "opacity violations: ";

    private ValidationCheckMain() {
    }

    public static void main(String[] args) {
        long millis = args.length > 0 ? Long.parseLong(args[0]) : 2_500;
        System.out.println("brokenValidation=" + System.getProperty("stm.test.brokenValidation", "false")
                + " segmentLimit=" + Stm.segmentLimit());

        BankWorkload.Result bank = contendedBank(millis).run(60);
        System.out.println(bank);
        System.out.println(BANK + bank.violations());

        OpacityWorkload.Result opacity = contendedOpacity(millis).run(60);
        System.out.println(opacity);
        System.out.println(OPACITY + opacity.allViolations());
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
