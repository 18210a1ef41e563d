package programs;

/** Runs a few transactions, then leaves with {@code System.exit(3)} from inside the program. */
public final class ExitsWithThree {
    private long value;

    public static void main(String[] args) {
        ExitsWithThree counter = new ExitsWithThree();
        for (int i = 0; i < 1_000; i++) {
            counter.increment();
        }
        System.out.println("counted " + counter.value);
        System.exit(3);
    }

    synchronized void increment() {
        value++;
    }
}
