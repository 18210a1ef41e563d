package org.stmagent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.stmagent.instrument.RewritingLoader.call;
import static org.stmagent.instrument.RewritingLoader.create;

import org.junit.jupiter.api.Test;

class FieldAndArrayBarrierTest {
    private final RewritingLoader loader = new RewritingLoader();

    @Test
    void everyFieldKindKeepsItsValueThroughBarriers() throws Throwable {
        Class<?> type = loader.fixture("Fields");
        call(type, "resetStatics");
        Object fields = create(type, 7);
        call(fields, "bumpAll");
        call(fields, "bumpAll");
        assertEquals("false,2,2,2,2,17179869184,1.0,0.5,xx,2,7,2,2199023255552,3.0,v2", call(fields, "describe"));
    }

    @Test
    void codeOutsideTransactionsRunsAsWritten() throws Throwable {
        Object fields = create(loader.fixture("Fields"), 1);
        assertEquals(1, call(fields, "plainIncrement"));
        assertEquals(2, call(fields, "plainIncrement"));
    }

    @Test
    void everyArrayKindKeepsItsValueThroughBarriers() throws Throwable {
        Object arrays = create(loader.fixture("ArrayElements"));
        call(arrays, "bumpAll", 1);
        call(arrays, "bumpAll", 1);
        call(arrays, "bumpAll", 3);
        assertEquals("false,2,2,2,2,68719476736,1.0,0.25,3,6,4", call(arrays, "describe", 1));
        assertEquals("true,1,1,1,1,34359738368,0.5,0.125,2,6,4", call(arrays, "describe", 3));
    }

    @Test
    void arrayStoreOfTheWrongTypeThrowsArrayStoreException() throws Throwable {
        Object arrays = create(loader.fixture("ArrayElements"));
        Object[] strings = new String[1];
        assertThrows(ArrayStoreException.class, () -> call(arrays, "storeInto", strings, 0, 42));
        call(arrays, "storeInto", strings, 0, "ok");
        assertEquals("ok", strings[0]);
    }

    @Test
    void indexOutOfBoundsThrowsAsTheOriginal() throws Throwable {
        Object arrays = create(loader.fixture("ArrayElements"));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> call(arrays, "readAt", new int[2], 2));
        assertThrows(NullPointerException.class, () -> call(arrays, "readAt", null, 0));
        assertEquals(5, call(arrays, "readAt", new int[] {4, 5}, 1));
    }

    @Test
    void staticFieldOfAClassFirstUsedInATransactionIsInitialisedOnce() throws Throwable {
        Class<?> statics = loader.fixture("Statics");
        assertEquals(42, call(statics, "readLate"));
        assertEquals(42, call(statics, "readLate"));
    }
}
