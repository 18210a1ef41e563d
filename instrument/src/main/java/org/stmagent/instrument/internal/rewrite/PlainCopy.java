package org.stmagent.instrument.internal.rewrite;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.stmagent.instrument.internal.seam.Twins;
import org.stmagent.instrument.internal.transactional.BodyCopier;
import org.stmagent.instrument.internal.transactional.Invocations;
import org.stmagent.instrument.internal.transactional.SourceSites;

/**
 * The original code of a {@code synchronized} method, kept beside its transactional wrapper as a
 * private synthetic method that still holds the real lock. The runtime runs it instead of a
 * transaction when the method's site is switched to plain mode (its transactions kept rolling
 * back): then the method costs what it costs without the agent. Blocks in it take their real
 * monitors too ({@link PlainCode}), and calls reach the original methods, which run plainly
 * outside transactions.
 */
final class PlainCopy implements Opcodes {
    private static final int DROPPED = ACC_PUBLIC | ACC_PROTECTED | ACC_BRIDGE | ACC_VARARGS | ACC_FINAL;

    private PlainCopy() {
    }

    /**
     * A copy of {@code original}'s code ({@link PlainCode}), made before the wrapper replaces it, or
     * null when it may not run plainly.
     */
    static MethodNode of(MethodNode original, SourceSites sites) {
        if (!PlainCode.allowed(original.instructions)) {
            return null;
        }
        int access = (original.access & ~DROPPED) | ACC_PRIVATE | ACC_SYNTHETIC;
        MethodNode copy = new MethodNode(ASM9, access, Twins.plainName(original.name), original.desc, null,
                original.exceptions.toArray(new String[0]));
        original.accept(new BodyCopier(copy));
        PlainCode.joinMonitors(copy, java.util.List.of(copy.instructions.toArray()), null, sites.of(copy));
        return copy;
    }

    /** Calls the copy of {@code m} in {@code owner} (arguments on the stack). */
    static MethodInsnNode call(String owner, MethodNode m) {
        return new MethodInsnNode(Invocations.isStatic(m) ? INVOKESTATIC : INVOKESPECIAL, owner,
                Twins.plainName(m.name), m.desc, false);
    }
}
