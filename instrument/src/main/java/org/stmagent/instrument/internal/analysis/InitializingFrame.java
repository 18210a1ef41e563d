package org.stmagent.instrument.internal.analysis;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;

/**
 * A frame in which a {@link TypedInterpreter.Fresh} value stops being fresh once its constructor
 * has run: every copy of it (javac's {@code new; dup}) becomes an ordinary value of its class, so
 * later code sees an initialised object it may keep in a local.
 */
final class InitializingFrame extends Frame<BasicValue> {

    InitializingFrame(int numLocals, int maxStack) {
        super(numLocals, maxStack);
    }

    InitializingFrame(Frame<? extends BasicValue> frame) {
        super(frame);
    }

    /** An analyzer whose frames are initializing frames. */
    static Analyzer<BasicValue> analyzer(Interpreter<BasicValue> interpreter) {
        return new Analyzer<>(interpreter) {
            @Override
            protected Frame<BasicValue> newFrame(int numLocals, int numStack) {
                return new InitializingFrame(numLocals, numStack);
            }

            @Override
            protected Frame<BasicValue> newFrame(Frame<? extends BasicValue> frame) {
                return new InitializingFrame(frame);
            }
        };
    }

    @Override
    public void execute(AbstractInsnNode insn, Interpreter<BasicValue> interpreter) throws AnalyzerException {
        BasicValue fresh = null;
        if (insn.getOpcode() == Opcodes.INVOKESPECIAL && ((MethodInsnNode) insn).name.equals("<init>")) {
            int args = Type.getArgumentTypes(((MethodInsnNode) insn).desc).length;
            BasicValue receiver = getStack(getStackSize() - 1 - args);
            if (receiver instanceof TypedInterpreter.Fresh) {
                fresh = receiver;
            }
        }
        super.execute(insn, interpreter);
        if (fresh != null) {
            BasicValue initialised = new BasicValue(fresh.getType());
            for (int i = 0; i < getLocals(); i++) {
                if (getLocal(i) == fresh) {
                    setLocal(i, initialised);
                }
            }
            for (int i = 0; i < getStackSize(); i++) {
                if (getStack(i) == fresh) {
                    setStack(i, initialised);
                }
            }
        }
    }
}
