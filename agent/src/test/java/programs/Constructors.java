package programs;

/**
 * Constructors run inside synchronized: they read and write fields of objects other than the one
 * being built (a parent's child count, a static registry) and see the region's earlier writes.
 */
public final class Constructors {
    private static final int THREADS = 4;
    private static final int ROUNDS = 5_000;

    static final class Parent {
        long children;
        long weight;
    }

    static final class Child {
        static long created;
        final long seenWeight;

        Child(Parent parent, long weight) {
            parent.children++; // another object's field
            parent.weight += weight;
            created++; // a static
            seenWeight = parent.weight; // sees the write just made
        }
    }

    public static void main(String[] args) {
        Run.startWatchdog();
        Parent parent = new Parent();
        Run.threads(THREADS, t -> {
            for (int i = 0; i < ROUNDS; i++) {
                synchronized (parent) {
                    parent.weight += 1; // a write of this region that the constructor must see
                    long before = parent.weight;
                    Child c = new Child(parent, 2);
                    Run.check(c.seenWeight == before + 2,
                            "constructor saw weight " + c.seenWeight + ", expected " + (before + 2));
                }
            }
        });
        long n = (long) THREADS * ROUNDS;
        synchronized (parent) {
            Run.check(parent.children == n && Child.created == n && parent.weight == 3 * n,
                    "children " + parent.children + " created " + Child.created + " weight " + parent.weight
                            + ", expected " + n + ", " + n + ", " + 3 * n);
        }
        System.out.println("constructors: " + n + " children ok");
    }
}
