package org.stmagent.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.stmagent.testing.Jvm;

/** A class the rewriter cannot handle runs unchanged, with one warning naming it. */
class UnrewritableClassIT {
    /** Static field increments in one synchronized method: about 56 KiB, too big once barriers are added. */
    private static final int INCREMENTS = 7000;

    @TempDir
    Path temp;

    @Test
    void methodTooLargeForBarriersLeavesTheClassUnchangedWithOneWarning() throws Exception {
        Path classes = temp.resolve("classes");
        Files.createDirectories(classes.resolve("programs"));
        Files.write(classes.resolve("programs/Huge.class"), hugeClass());
        String classPath = classes + File.pathSeparator + Jvm.programs();

        Jvm.Result result = Jvm.run(Jvm.agent("include=programs.**,report=none"), "-cp", classPath,
                "programs.CallsHuge");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("x=" + INCREMENTS, result.out().strip(), result::toString);
        List<String> warnings = result.errLines();
        assertEquals(1, warnings.size(), result::toString);
        assertTrue(warnings.get(0).startsWith("stm-agent: warning: programs.Huge left unchanged: "), result::toString);
    }

    private static byte[] hugeClass() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "programs/Huge", null, "java/lang/Object", null);
        writer.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "x", "I", null, null).visitEnd();
        MethodVisitor run = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNCHRONIZED,
                "run", "()V", null, null);
        run.visitCode();
        for (int i = 0; i < INCREMENTS; i++) {
            run.visitFieldInsn(Opcodes.GETSTATIC, "programs/Huge", "x", "I"); // -> x
            run.visitInsn(Opcodes.ICONST_1);                                 // -> x, 1
            run.visitInsn(Opcodes.IADD);                                     // -> x+1
            run.visitFieldInsn(Opcodes.PUTSTATIC, "programs/Huge", "x", "I"); // ->
        }
        run.visitInsn(Opcodes.RETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
