package org.stmagent.instrument.internal.analysis;

import java.util.IdentityHashMap;
import java.util.Map;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/** The operand stack and locals before each instruction of a method, with exact reference types. */
public final class TypeFlow {
    private final Map<AbstractInsnNode, Frame<BasicValue>> frames = new IdentityHashMap<>();

    private TypeFlow() {
    }

    /** Analyses {@code method} as it is now; instructions added later have no frame. */
    public static TypeFlow of(String owner, MethodNode method, TypeHierarchy hierarchy) throws AnalyzerException {
        TypeFlow flow = new TypeFlow();
        Frame<BasicValue>[] computed = InitializingFrame.analyzer(new TypedInterpreter(hierarchy)).analyze(owner, method);
        AbstractInsnNode[] insns = method.instructions.toArray();
        for (int i = 0; i < insns.length; i++) {
            if (computed[i] != null) {
                flow.frames.put(insns[i], computed[i]);
            }
        }
        return flow;
    }

    /** The frame before {@code insn}, or {@code null} when the instruction is unreachable. */
    public Frame<BasicValue> before(AbstractInsnNode insn) {
        return frames.get(insn);
    }

    /** The value {@code depth} slots below the top of the stack before {@code insn} (0 = top). */
    public BasicValue stack(AbstractInsnNode insn, int depth) {
        Frame<BasicValue> f = frames.get(insn);
        return f == null ? null : f.getStack(f.getStackSize() - 1 - depth);
    }
}
