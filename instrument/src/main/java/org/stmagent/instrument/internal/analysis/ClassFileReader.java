package org.stmagent.instrument.internal.analysis;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.JSRInlinerAdapter;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Reads a class file into the tree the rewriter works on: subroutines inlined, frames dropped. */
public final class ClassFileReader {
    private ClassFileReader() {
    }

    public static ClassNode read(byte[] classFile) {
        ClassNode node = new ClassNode(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodNode m = new JSRInlinerAdapter(null, access, name, descriptor, signature, exceptions);
                methods.add(m);
                return m;
            }
        };
        new ClassReader(classFile).accept(node, ClassReader.SKIP_FRAMES);
        return node;
    }
}
