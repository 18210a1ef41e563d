package org.stmagent.stress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.I_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The JDK's collections inside regions, run by the agent as transactional copies: a map's
 * read-modify-write loses no update, inserts of different keys both land and are counted (the
 * size is a commutative counter), appends to a list both land, and an iteration never sees half of
 * another region's update.
 */
public class Collections {
    private Collections() {
    }

    @JCStressTest
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both increments counted")
    @Outcome(id = "1", expect = FORBIDDEN, desc = "lost update inside HashMap")
    @State
    public static class HashMapSameKey {
        final Map<Integer, Integer> map = new HashMap<>();

        public HashMapSameKey() {
            map.put(0, 0);
        }

        void increment() {
            synchronized (map) {
                map.put(0, map.get(0) + 1);
            }
        }

        @Actor
        public void actor1() {
            increment();
        }

        @Actor
        public void actor2() {
            increment();
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = map.get(0);
        }
    }

    @JCStressTest
    @Outcome(id = "2, 2", expect = ACCEPTABLE, desc = "both keys in, size 2")
    @Outcome(expect = FORBIDDEN, desc = "a key lost, or the size miscounted")
    @State
    public static class HashMapDisjointInserts {
        final Map<Integer, Integer> map = new HashMap<>();

        @Actor
        public void actor1() {
            synchronized (map) {
                map.put(1, 1);
            }
        }

        @Actor
        public void actor2() {
            synchronized (map) {
                map.put(2, 2);
            }
        }

        @Arbiter
        public void arbiter(II_Result r) {
            int found = 0;
            for (int key : map.keySet()) {
                found += key == 1 || key == 2 ? 1 : 0;
            }
            r.r1 = found;
            r.r2 = map.size();
        }
    }

    @JCStressTest
    @Outcome(id = "2, 3", expect = ACCEPTABLE, desc = "both appended")
    @Outcome(expect = FORBIDDEN, desc = "an append lost or overwritten")
    @State
    public static class ArrayListAppends {
        final List<Integer> list = new ArrayList<>();

        @Actor
        public void actor1() {
            synchronized (list) {
                list.add(1);
            }
        }

        @Actor
        public void actor2() {
            synchronized (list) {
                list.add(2);
            }
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = list.size();
            r.r2 = list.contains(1) && list.contains(2) ? 3 : 0;
        }
    }

    @JCStressTest
    @Outcome(id = "0", expect = ACCEPTABLE, desc = "the iteration ran before the update")
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "the iteration ran after the update")
    @Outcome(id = "1", expect = FORBIDDEN, desc = "half of the update seen")
    @State
    public static class IterationSeesWholeUpdates {
        final Map<Integer, Integer> map = new HashMap<>();

        @Actor
        public void writer() {
            synchronized (map) {
                map.put(1, 1);
                map.put(2, 2);
            }
        }

        @Actor
        public void reader(I_Result r) {
            synchronized (map) {
                int seen = 0;
                for (Map.Entry<Integer, Integer> e : map.entrySet()) {
                    seen += e.getKey() == 1 || e.getKey() == 2 ? 1 : 0;
                }
                r.r1 = seen;
            }
        }
    }
}
