package org.stmagent.instrument.internal.analysis;

import java.util.HashMap;
import java.util.Map;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The hierarchy facts of one class file: access, supertypes, and the access of each member. */
final class ClassInfo {
    final String name;
    final int access;
    final String superName;
    final String[] interfaces;
    /** name + descriptor to access flags. */
    final Map<String, Integer> methods = new HashMap<>();
    final Map<String, Integer> fields = new HashMap<>();

    private ClassInfo(String name, int access, String superName, String[] interfaces) {
        this.name = name;
        this.access = access;
        this.superName = superName;
        this.interfaces = interfaces == null ? new String[0] : interfaces;
    }

    static ClassInfo parse(byte[] classFile) {
        ClassInfo[] result = new ClassInfo[1];
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                result[0] = new ClassInfo(name, access, superName, interfaces);
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                    Object value) {
                result[0].fields.put(name, access);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                result[0].methods.put(name + descriptor, access);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return result[0];
    }

    boolean isInterface() {
        return (access & Opcodes.ACC_INTERFACE) != 0;
    }
}
