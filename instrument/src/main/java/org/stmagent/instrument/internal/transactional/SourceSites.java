package org.stmagent.instrument.internal.transactional;

import java.util.IdentityHashMap;
import java.util.Map;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;
import org.stmagent.instrument.SiteTable;
import org.stmagent.instrument.internal.seam.Twins;

/**
 * The site numbers of one class's barrier calls: the class and source file, the method (a twin
 * named as its original) and the line of the instruction a barrier replaces.
 */
public final class SourceSites {
    private final SiteTable table;
    private final String className;
    private final String sourceFile;

    public SourceSites(SiteTable table, ClassNode c) {
        this.table = table;
        this.className = c.name;
        this.sourceFile = c.sourceFile;
    }

    /** The lines of {@code method}'s instructions as they stand now (before any is replaced). */
    public Lines of(MethodNode method) {
        return new Lines(method);
    }

    /** Site numbers within one method. */
    public final class Lines {
        private final String method;
        private final Map<AbstractInsnNode, Integer> lineOf = new IdentityHashMap<>();

        private Lines(MethodNode m) {
            this.method = m.name.startsWith(Twins.PREFIX) ? m.name.substring(Twins.PREFIX.length()) : m.name;
            int line = -1;
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof LineNumberNode n) {
                    line = n.line;
                } else {
                    lineOf.put(insn, line);
                }
            }
        }

        /** The number of the site at {@code insn} doing {@code access}, a call. */
        public int site(AbstractInsnNode insn, String access) {
            return table.siteOf(className, method, sourceFile, lineOf.getOrDefault(insn, -1), access, null);
        }

        /** An instruction pushing the site number of {@code insn} doing {@code access} to {@code location}. */
        public AbstractInsnNode push(AbstractInsnNode insn, String access, String location) {
            return constant(table.siteOf(className, method, sourceFile, lineOf.getOrDefault(insn, -1), access, location));
        }
    }

    public static AbstractInsnNode constant(int value) {
        if (value >= -1 && value <= 5) {
            return new InsnNode(Opcodes.ICONST_0 + value);
        }
        if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            return new IntInsnNode(Opcodes.BIPUSH, value);
        }
        if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            return new IntInsnNode(Opcodes.SIPUSH, value);
        }
        return new LdcInsnNode(value);
    }
}
