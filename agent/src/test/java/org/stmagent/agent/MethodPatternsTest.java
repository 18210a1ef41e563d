package org.stmagent.agent;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MethodPatternsTest {
    @ParameterizedTest
    @ValueSource(strings = {"com.acme.Util.hash", "com.acme.Util.*", "com.acme.**.get*", "Util.hash",
            "com.acme.Point.<init>", "com.acme.Outer$Inner.run"})
    void validPatterns(String pattern) {
        assertDoesNotThrow(() -> MethodPatterns.check(pattern));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hash", "com.acme.Util.", ".hash", "com.acme.Util.ha-sh", "com/acme/Util.hash",
            "com.acme.Util.hash()", "com..Util.hash"})
    void invalidPatterns(String pattern) {
        assertThrows(IllegalArgumentException.class, () -> MethodPatterns.check(pattern));
    }
}
