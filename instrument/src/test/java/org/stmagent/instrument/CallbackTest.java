package org.stmagent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stmagent.instrument.RewritingLoader.call;
import static org.stmagent.instrument.RewritingLoader.create;

import java.lang.reflect.Array;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CallbackTest {
    private static final int THREADS = 4;

    private final RewritingLoader loader = new RewritingLoader();

    @Test
    void lambdaRunByJdkCodeInsideATransactionUsesBarriers() throws Throwable {
        Class<?> callbacks = loader.fixture("Callbacks");
        call(callbacks, "reset");
        Object c = create(callbacks, 10);
        Threads.run(THREADS, () -> {
            for (int k = 0; k < 500; k++) {
                call(c, "addAllWithLambda");
            }
            return null;
        });
        assertEquals(THREADS * 500L * 55, call(callbacks, "shared"));
    }

    @Test
    void runnableFromOutsideTheClassRunsTransactionally() throws Throwable {
        Class<?> callbacks = loader.fixture("Callbacks");
        call(callbacks, "reset");
        Object c = create(callbacks, 0);
        Runnable increment = (Runnable) call(callbacks, "incrementer");
        Threads.run(THREADS, () -> {
            for (int k = 0; k < 2_000; k++) {
                call(c, "runTwice", increment);
            }
            return null;
        });
        assertEquals(THREADS * 2_000L * 2, call(callbacks, "shared"));
    }

    @Test
    void compareToCalledByATreeSetInsideATransaction() throws Throwable {
        Class<?> callbacks = loader.fixture("Callbacks");
        Class<?> key = loader.fixture("Callbacks$Key");
        Object keys = Array.newInstance(key, 3);
        Array.set(keys, 0, create(key, 5));
        Array.set(keys, 1, create(key, 2));
        Array.set(keys, 2, create(key, 9));
        Object c = create(callbacks, 0);
        assertEquals(2, call(c, "sortedFirst", keys));
        assertTrue((int) call(key, "comparisons") >= 2);
    }

    @Test
    void methodReferenceToAPrivateMethod() throws Throwable {
        Class<?> callbacks = loader.fixture("Callbacks");
        call(callbacks, "reset");
        Object c = create(callbacks, 3);
        call(c, "addAllWithLambda");
        assertEquals(6, call(c, "viaMethodReference"));
    }

    @Test
    void aliasAnnotationMakesAMethodAtomic() throws Throwable {
        RewritingLoader aliased = new RewritingLoader(RewritePolicy.of(RewritingLoader.INCLUDED)
                .withAtomicAnnotations(Set.of("Lorg/stmagent/fixtures/Aliased$OtherAtomic;")));
        assertEquals(true, call(aliased.fixture("Aliased"), "inside"));
        assertEquals(false, call(loader.fixture("Aliased"), "inside"));
    }

    @Test
    void inheritanceInterfacesRecordsAndEnums() throws Throwable {
        Class<?> shapes = loader.fixture("Shapes");
        Class<?> shape = loader.fixture("Shapes$Shape");
        Object array = Array.newInstance(shape, 2);
        Array.set(array, 0, create(loader.fixture("Shapes$Square"), 3));
        Array.set(array, 1, create(loader.fixture("Shapes$Scaled"), 2));
        assertEquals(2 * 9 + 2 * (4 * 3 + 1), call(shapes, "total", array));
        Object pair = create(loader.fixture("Shapes$Pair"), 4, "x");
        assertEquals("4x21truePair[a=4, b=x]", call(shapes, "recordAndEnum", pair));
        assertEquals(50, call(shapes, "lambdaShape", 5));
        assertFalse(org.stmagent.runtime.Stm.inTransaction());
    }
}
