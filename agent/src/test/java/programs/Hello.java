package programs;

/** Prints fixed lines: its output must be the same with and without the agent. */
public final class Hello {
    private int count;

    public static void main(String[] args) {
        Hello hello = new Hello();
        for (int i = 0; i < 3; i++) {
            hello.increment();
        }
        System.out.println("hello from main, count=" + hello.count);
    }

    private synchronized void increment() {
        count++;
    }
}
