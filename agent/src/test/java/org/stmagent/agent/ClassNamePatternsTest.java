package org.stmagent.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClassNamePatternsTest {
    private static ClassNamePatterns include(String... patterns) {
        return new ClassNamePatterns(List.of(patterns), List.of());
    }

    @ParameterizedTest
    @CsvSource({
            "com.acme.Bank, com.acme.Bank, true",
            "com.acme.Bank, com.acme.Banks, false",
            "com.acme.*, com.acme.Bank, true",
            "com.acme.*, com.acme.Bank$Account, true",
            "com.acme.*, com.acme.sub.Bank, false",
            "com.acme.**, com.acme.Bank, true",
            "com.acme.**, com.acme.sub.deep.Bank, true",
            "com.acme.**, com.acmeco.Bank, false",
            "com.acme.**, com.acme, false",
            "com.*.Bank, com.acme.Bank, true",
            "com.*.Bank, com.acme.sub.Bank, false",
            "com.**.Bank, com.Bank, true",
            "com.**.Bank, com.a.b.c.Bank, true",
            "com.**.Bank, com.a.b.c.Banker, false",
            "**.Bank, Bank, true",
            "**.Bank, x.y.Bank, true",
            "**, Main, true",
            "**, com.acme.Bank, true",
            "*, Main, true",
            "*, com.Main, false",
            "com.acme.Bank?, com.acme.Bank1, true",
            "com.acme.Bank?, com.acme.Bank, false",
            "com.acme.Bank?, com.acme.Bank12, false",
            "com.acme.*Test, com.acme.BankTest, true",
            "com.acme.*Test, com.acme.BankTests, false",
            "com.acme.Outer$*, com.acme.Outer$Inner, true",
            "com.ac$me.*, com.ac$me.X, true",
    })
    void patternMatching(String pattern, String className, boolean expected) {
        assertEquals(expected, include(pattern).matches(className));
    }

    @Test
    void dotsAreLiteral() {
        assertFalse(include("com.acme.Bank").matches("comXacmeXBank"));
    }

    @Test
    void anyOfSeveralIncludesIsEnough() {
        ClassNamePatterns selection = include("com.a.**", "org.b.Main");
        assertTrue(selection.matches("com.a.X"));
        assertTrue(selection.matches("org.b.Main"));
        assertFalse(selection.matches("org.b.Other"));
    }

    @Test
    void excludeWinsOverInclude() {
        ClassNamePatterns selection = new ClassNamePatterns(List.of("com.acme.**"), List.of("com.acme.legacy.**"));
        assertTrue(selection.matches("com.acme.Bank"));
        assertFalse(selection.matches("com.acme.legacy.Bank"));
        assertEquals(ClassNamePatterns.Decision.EXCLUDED, selection.decide("com.acme.legacy.Bank"));
    }

    @Test
    void noIncludeMeansNothing() {
        ClassNamePatterns selection = new ClassNamePatterns(List.of(), List.of());
        assertTrue(selection.isEmpty());
        assertFalse(selection.matches("com.acme.Bank"));
        assertEquals(ClassNamePatterns.Decision.NOT_INCLUDED, selection.decide("com.acme.Bank"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"java.lang.String", "java.util.HashMap", "javax.swing.JFrame", "jdk.internal.misc.Unsafe",
            "sun.misc.Unsafe", "com.sun.net.httpserver.HttpServer", "org.stmagent.agent.StmAgent",
            "org.stmagent.runtime.Stm", "org.stmagent.instrument.Instrumenter", "org.stmagent.annotations.Atomic",
            "org.stmagent.shaded.asm.ClassReader", "org.stmagent.shaded.agrona.UnsafeApi"})
    void jdkAndAgentAreNeverRewrittenEvenIfIncluded(String className) {
        ClassNamePatterns selection = include("**", className);
        assertFalse(selection.matches(className));
        assertEquals(ClassNamePatterns.Decision.PROTECTED, selection.decide(className));
    }

    @Test
    void samplesUnderTheProjectsRootPackageCanBeRewritten() {
        assertTrue(include("org.stmagent.samples.**").matches("org.stmagent.samples.bank.Bank"));
    }

    @Test
    void javaPrefixIsAPackageNotAWordPrefix() {
        assertTrue(include("**").matches("javafoo.Bar"));
        assertTrue(include("**").matches("sunny.Day"));
    }

    @Test
    void unrelocatedAsmIsLeftAloneUnderABroadPattern() {
        assertFalse(include("**").matches("org.objectweb.asm.ClassReader"));
        assertFalse(include("org.**").matches("org.objectweb.asm.ClassReader"));
        assertFalse(include("**").matches("net.bytebuddy.ByteBuddy"));
    }

    @Test
    void unrelocatedAsmIsRewrittenWhenNamedExplicitly() {
        assertTrue(include("org.objectweb.asm.**").matches("org.objectweb.asm.ClassReader"));
        assertTrue(include("net.bytebuddy.*").matches("net.bytebuddy.ByteBuddy"));
        assertTrue(include("org.objectweb.asm.ClassReader").matches("org.objectweb.asm.ClassReader"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "com/acme/**", "com.acme.***", ".com.acme", "com.acme.", "com..acme", "com.acme-x.*",
            "com.acme.[A-Z]*", "com acme"})
    void malformedPatternsAreRejected(String pattern) {
        assertThrows(IllegalArgumentException.class, () -> ClassNamePatterns.check(pattern));
        assertThrows(IllegalArgumentException.class, () -> include(pattern));
    }

    @Test
    void slashPatternGetsAHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassNamePatterns.check("com/acme/**"));
        assertTrue(e.getMessage().contains("separate packages with '.'"), e.getMessage());
    }

    @Test
    void unicodeIdentifiersAreAccepted() {
        assertTrue(include("com.äcme.*").matches("com.äcme.Bänk"));
    }

    @Test
    void regexMetaCharactersInNamesAreQuoted() {
        assertTrue(include("com.acme.A$B").matches("com.acme.A$B"));
        assertFalse(include("com.acme.A$B").matches("com.acme.A"));
    }
}
