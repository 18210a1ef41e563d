package programs;

/**
 * Inheritance and interfaces inside synchronized: overriding with {@code super} calls, an
 * abstract method, interface default and static methods, dispatch through the interface.
 */
public final class Inheritance {
    private static final int THREADS = 4;
    private static final int ROUNDS = 4_998; // a multiple of 3: each object is picked equally often

    interface Counted {
        void bump();

        long count();

        default void bumpTwice() {
            synchronized (this) {
                bump();
                bump();
            }
        }

        static void bumpAll(Counted[] all) {
            for (Counted c : all) {
                synchronized (c) {
                    c.bump();
                }
            }
        }
    }

    abstract static class Base implements Counted {
        protected long n;

        @Override
        public synchronized void bump() {
            n++;
            extra();
        }

        abstract void extra();

        @Override
        public synchronized long count() {
            return n;
        }
    }

    static class Child extends Base {
        long childBumps;
        long extras;

        @Override
        public synchronized void bump() {
            super.bump();
            childBumps++;
        }

        @Override
        void extra() {
            extras++;
        }
    }

    static final class GrandChild extends Child {
        long grandBumps;

        @Override
        public void bump() {
            synchronized (this) {
                super.bump();
                grandBumps++;
            }
        }

        @Override
        void extra() {
            super.extra();
            extras++;
        }
    }

    static final class Plain implements Counted {
        private long n;

        @Override
        public synchronized void bump() {
            n++;
        }

        @Override
        public synchronized long count() {
            return n;
        }
    }

    public static void main(String[] args) {
        Run.startWatchdog();
        Child child = new Child();
        GrandChild grand = new GrandChild();
        Plain plain = new Plain();
        Counted[] all = {child, grand, plain};
        Run.threads(THREADS, t -> {
            for (int i = 0; i < ROUNDS; i++) {
                Counted c = all[(i + t) % all.length];
                c.bumpTwice(); // 2
                Counted.bumpAll(all); // 1 each
                synchronized (all) {
                    c.bump(); // 1
                }
            }
        });
        long rounds = (long) THREADS * ROUNDS;
        long each = rounds * 3 / all.length + rounds; // bumpTwice and bump spread evenly, bumpAll on all
        long[] counts = {child.count(), grand.count(), plain.count()};
        for (int i = 0; i < all.length; i++) {
            Run.check(counts[i] == each, "object " + i + " counted " + counts[i] + ", expected " + each);
        }
        synchronized (child) {
            Run.check(child.childBumps == each && child.extras == each,
                    "child: bumps " + child.childBumps + " extras " + child.extras);
        }
        synchronized (grand) {
            Run.check(grand.childBumps == each && grand.grandBumps == each && grand.extras == 2 * each,
                    "grandchild: child bumps " + grand.childBumps + " grand bumps " + grand.grandBumps
                            + " extras " + grand.extras);
        }
        System.out.println("inheritance: " + each + " bumps on each of " + all.length + " objects ok");
    }
}
