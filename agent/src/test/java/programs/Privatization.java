package programs;

/**
 * Privatization: a node unlinked from a shared list under the lock belongs to its thread, which
 * then changes it without any lock. Other threads keep updating the nodes still in the list; the
 * private writes are never overwritten by them.
 */
public final class Privatization {
    private static final int THREADS = 4;
    private static final int ROUNDS = 4_000;
    private static final int LENGTH = 8;

    static final class Node {
        long value;
        long touched;
        Node next;
    }

    private final Object lock = new Object();
    private Node head;

    void touchAll() {
        synchronized (lock) {
            for (Node n = head; n != null; n = n.next) {
                n.value++;
                n.touched++;
            }
        }
    }

    Node unlinkFirst() {
        synchronized (lock) {
            Node n = head;
            if (n != null) {
                head = n.next;
                n.next = null;
            }
            return n;
        }
    }

    void push(Node n) {
        synchronized (lock) {
            n.next = head;
            head = n;
        }
    }

    public static void main(String[] args) {
        Run.startWatchdog();
        Privatization p = new Privatization();
        for (int i = 0; i < LENGTH; i++) {
            p.push(new Node());
        }
        Run.threads(THREADS, t -> {
            int r = 0x1234567 * (t + 1);
            for (int i = 0; i < ROUNDS; i++) {
                r = Run.next(r);
                if ((r & 3) != 0) {
                    p.touchAll();
                    continue;
                }
                Node mine = p.unlinkFirst();
                if (mine == null) {
                    continue;
                }
                long mark = ((long) t << 40) | ((long) i << 8);
                for (int k = 0; k < 50; k++) { // no lock: the node is private now
                    mine.value = mark + k;
                    mine.touched = -mark;
                    if (k % 5 == 4) {
                        Thread.yield();
                    }
                    Run.check(mine.value == mark + k && mine.touched == -mark,
                            "private node overwritten: value " + mine.value + " touched " + mine.touched
                                    + " (wrote " + (mark + k) + ")");
                }
                mine.value = 0;
                mine.touched = 0;
                p.push(mine);
            }
        });
        int length = 0;
        synchronized (p.lock) {
            for (Node n = p.head; n != null; n = n.next) {
                length++;
            }
        }
        Run.check(length == LENGTH, "list has " + length + " nodes, expected " + LENGTH);
        System.out.println("privatization: " + LENGTH + " nodes, private writes kept ok");
    }
}
