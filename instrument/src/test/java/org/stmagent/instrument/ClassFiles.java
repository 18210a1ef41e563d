package org.stmagent.instrument;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Class files javac does not write: old versions, subroutines, odd monitor use. */
final class ClassFiles implements Opcodes {
    private ClassFiles() {
    }

    static byte[] withVersion(byte[] classFile, int version) {
        ClassWriter w = new ClassWriter(0);
        new ClassReader(classFile).accept(new ClassVisitor(ASM9, w) {
            @Override
            public void visit(int v, int access, String name, String signature, String superName,
                    String[] interfaces) {
                super.visit(version, access, name, signature, superName, interfaces);
            }
        }, 0);
        return w.toByteArray();
    }

    /** A static method that enters a monitor and returns without leaving it. */
    static byte[] unbalancedMonitor(String name) {
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        w.visit(V1_8, ACC_PUBLIC, name, null, "java/lang/Object", null);
        MethodVisitor m = w.visitMethod(ACC_PUBLIC | ACC_STATIC, "odd", "(Ljava/lang/Object;)V", null, null);
        m.visitCode();
        m.visitVarInsn(ALOAD, 0);
        m.visitInsn(MONITORENTER);
        m.visitInsn(RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        w.visitEnd();
        return w.toByteArray();
    }

    /** A Java 1.4 class whose {@code seven()} uses a JSR/RET subroutine. */
    static byte[] withSubroutine(String name) {
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        w.visit(V1_4, ACC_PUBLIC | ACC_SUPER, name, null, "java/lang/Object", null);
        MethodVisitor m = w.visitMethod(ACC_PUBLIC | ACC_STATIC, "seven", "()I", null, null);
        m.visitCode();
        Label sub = new Label();
        m.visitInsn(ICONST_3);
        m.visitVarInsn(ISTORE, 0);
        m.visitJumpInsn(JSR, sub);
        m.visitVarInsn(ILOAD, 0);
        m.visitInsn(IRETURN);
        m.visitLabel(sub);
        m.visitVarInsn(ASTORE, 1);
        m.visitIincInsn(0, 4);
        m.visitVarInsn(RET, 1);
        m.visitMaxs(0, 0);
        m.visitEnd();
        w.visitEnd();
        return w.toByteArray();
    }

    /**
     * A Java 1.2 class shaped like cglib's proxies: {@code <clinit>} calls a helper that sets a
     * {@code static final} field, which class files of that age may do. {@code value()} reads it.
     */
    static byte[] withFinalSetOutsideInitializer(String name) {
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        w.visit(V1_2, ACC_PUBLIC | ACC_SUPER, name, null, "java/lang/Object", null);
        w.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, "HOOKED", "Ljava/lang/String;", null, null).visitEnd();
        MethodVisitor hook = w.visitMethod(ACC_STATIC, "hook", "()V", null, null);
        hook.visitCode();
        hook.visitLdcInsn("hooked");
        hook.visitFieldInsn(PUTSTATIC, name, "HOOKED", "Ljava/lang/String;");
        hook.visitInsn(RETURN);
        hook.visitMaxs(0, 0);
        hook.visitEnd();
        MethodVisitor clinit = w.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
        clinit.visitCode();
        clinit.visitMethodInsn(INVOKESTATIC, name, "hook", "()V", false);
        clinit.visitInsn(RETURN);
        clinit.visitMaxs(0, 0);
        clinit.visitEnd();
        MethodVisitor value = w.visitMethod(ACC_PUBLIC | ACC_STATIC, "value", "()Ljava/lang/String;", null, null);
        value.visitCode();
        value.visitFieldInsn(GETSTATIC, name, "HOOKED", "Ljava/lang/String;");
        value.visitInsn(ARETURN);
        value.visitMaxs(0, 0);
        value.visitEnd();
        w.visitEnd();
        return w.toByteArray();
    }

    static Class<?> define(String name, byte[] bytes) {
        return new ClassLoader(ClassFiles.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(name, bytes, 0, bytes.length);
            }
        }.define();
    }
}
