package org.stmagent.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadedClassesTest {
    @Test
    void noLoadedClassesNoMessage() {
        assertNull(LoadedClasses.describe(List.of()));
    }

    @Test
    void oneClassIsSingular() {
        assertEquals("1 included class was loaded before the agent attached and stays unchanged (a.B)",
                LoadedClasses.describe(List.of("a.B")));
    }

    @Test
    void fewClassesAreAllListed() {
        assertEquals("2 included classes were loaded before the agent attached and stay unchanged (a.B, a.C)",
                LoadedClasses.describe(List.of("a.B", "a.C")));
    }

    @Test
    void manyClassesAreCutShort() {
        assertEquals("7 included classes were loaded before the agent attached and stay unchanged "
                        + "(a.A, a.B, a.C, a.D, a.E, ...)",
                LoadedClasses.describe(List.of("a.A", "a.B", "a.C", "a.D", "a.E", "a.F", "a.G")));
    }
}
