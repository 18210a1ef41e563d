package org.stmagent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.stmagent.instrument.RewritingLoader.call;

import org.junit.jupiter.api.Test;

class InevitableTest {
    private static final int THREADS = 4;
    private static final int ROUNDS = 5_000;

    private final RewritingLoader loader = new RewritingLoader();

    @Test
    void callIntoCodeThatIsNotRewrittenHappensOncePerTransaction() throws Throwable {
        Class<?> effects = loader.fixture("Effects");
        Class<?> recorder = loader.fixture("ExternalRecorder");
        assertEquals(RewritingLoader.class.getClassLoader(), recorder.getClassLoader(), "not rewritten");
        call(recorder, "reset");
        call(effects, "reset");
        Threads.run(THREADS, () -> {
            for (int k = 0; k < ROUNDS; k++) {
                call(effects, "recordThenIncrement");
            }
            return null;
        });
        assertEquals(THREADS * ROUNDS, call(effects, "shared"));
        assertEquals(THREADS * ROUNDS, call(recorder, "calls"),
                "the transaction became inevitable before the call, so it never ran twice");
    }

    @Test
    void pureJdkMethodsRunInsideTransactions() throws Throwable {
        Class<?> effects = loader.fixture("Effects");
        call(effects, "reset");
        assertEquals("12", call(effects, "pureWork", 12));
    }

    @Test
    void aCallThroughObjectOrAnInterfaceStaysOptimisticWhenTheReceiversMethodIsRewrittenOrAValues() throws Throwable {
        Class<?> calls = loader.fixture("VirtualCalls");
        Object key = loader.fixture("VirtualCalls$Key").getConstructor(int.class).newInstance(7);
        Object otherKey = loader.fixture("VirtualCalls$Key").getConstructor(int.class).newInstance(9);
        Object plain = loader.fixture("VirtualCalls$Plain").getConstructor().newInstance();
        int[] hash = new int[1];
        boolean[] equal = new boolean[1];
        int[] order = new int[1];

        assertEquals(false, call(calls, "hashCodeGoesInevitable", key, hash), "a rewritten hashCode");
        assertEquals(7, hash[0]);
        assertEquals(false, call(calls, "hashCodeGoesInevitable", "text", hash), "String.hashCode");
        assertEquals("text".hashCode(), hash[0]);
        assertEquals(false, call(calls, "hashCodeGoesInevitable", 42L, hash), "Long.hashCode");
        assertEquals(false, call(calls, "hashCodeGoesInevitable", plain, hash), "Object's identity hashCode");
        assertEquals(System.identityHashCode(plain), hash[0]);
        assertEquals(false, call(calls, "equalsGoesInevitable", key, otherKey, equal), "a rewritten equals");
        assertEquals(false, equal[0]);
        assertEquals(false, call(calls, "compareToGoesInevitable", key, otherKey, order), "a bridge to a rewritten compareTo");
        assertEquals(-1, order[0]);
        assertEquals(false, call(calls, "compareToGoesInevitable", "a", "b", order), "String.compareTo");

        Object list = call(calls, "mutableJdkObject");
        assertEquals(true, call(calls, "hashCodeGoesInevitable", list, hash), "ArrayList.hashCode reads unrewritten state");
        assertEquals(list.hashCode(), hash[0]);
        assertEquals(true, call(calls, "equalsGoesInevitable", list, list, equal), "ArrayList.equals");
    }

    @Test
    void aRewrittenMethodReachedThroughObjectSeesTheTransactionsOwnWrites() throws Throwable {
        Class<?> calls = loader.fixture("VirtualCalls");
        Object key = loader.fixture("VirtualCalls$Key").getConstructor(int.class).newInstance(1);
        assertEquals(5, call(calls, "setThenHash", key, 5));
    }
}
