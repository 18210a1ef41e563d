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
}
