package org.stmagent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stmagent.instrument.RewritingLoader.call;

import java.lang.reflect.Method;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * A rewritten interface shows no twin to reflection (proxies, MXBean introspection and mocking
 * libraries enumerate its public methods), and calls through it still reach transactional code.
 */
class InterfaceCallsTest {
    private final RewritingLoader loader = new RewritingLoader();

    @Test
    void aRewrittenInterfaceHasNoPublicTwin() {
        Class<?> counter = loader.fixture("Interfaces$Counter");
        assertTrue(loader.rewrittenNames().contains("org/stmagent/fixtures/Interfaces$Counter"), "rewritten");
        assertEquals(3, counter.getMethods().length, () -> Arrays.toString(counter.getMethods()));
        assertTrue(Arrays.stream(counter.getMethods()).map(Method::getName).noneMatch(n -> n.startsWith("$stm$")));
    }

    @Test
    void callsThroughTheInterfaceRunTransactionallyWithoutGoingInevitable() throws Throwable {
        Class<?> interfaces = loader.fixture("Interfaces");
        Object counter = call(interfaces, "startingAt", 5);
        assertEquals(7, call(interfaces, "twiceInRegion", counter), "the default method and the override, optimistic");
    }

    @Test
    void aJdkProxyOfTheInterfaceWorksInsideAndOutsideTransactions() throws Throwable {
        Class<?> interfaces = loader.fixture("Interfaces");
        Object proxy = call(interfaces, "proxyOf", call(interfaces, "startingAt", 0));
        assertEquals(1, call(proxy, "next"));
        Object result = call(interfaces, "twiceInRegion", proxy);
        assertEquals(-1, result, "the proxy's handler calls reflection, which is irrevocable");
        assertEquals(4, call(proxy, "next"), "the region's two calls happened once each");
    }
}
