package org.stmagent.instrument.internal.transactional;

import java.util.List;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.stmagent.instrument.MonitorMode;
import org.stmagent.instrument.internal.analysis.TypeFlow;
import org.stmagent.instrument.internal.analysis.TypeHierarchy;
import org.stmagent.instrument.internal.policy.CallTargets;
import org.stmagent.instrument.internal.seam.RuntimeSeam;

/**
 * Turns instructions into their transactional form, with the segment in a local variable: field
 * and array barriers, redirected calls, monitors. Used for twins (every instruction) and for
 * {@code synchronized} blocks in original code (the instructions inside the block).
 */
public final class TransactionalCode implements Opcodes {
    private final FieldBarriers fields;
    private final CallRedirector calls;
    private final MonitorMode mode;
    private final SourceSites sites;

    public TransactionalCode(TypeHierarchy hierarchy, CallTargets targets, MonitorMode mode, SourceSites sites) {
        this(hierarchy, targets, mode, sites, false);
    }

    /** @param finalWrites see {@link FieldBarriers#FieldBarriers(TypeHierarchy, boolean)} */
    public TransactionalCode(TypeHierarchy hierarchy, CallTargets targets, MonitorMode mode, SourceSites sites,
            boolean finalWrites) {
        this.fields = new FieldBarriers(hierarchy, finalWrites);
        this.calls = new CallRedirector(targets, hierarchy, mode);
        this.mode = mode;
        this.sites = sites;
    }

    /** Site numbers for {@code method} as it stands now. */
    public SourceSites.Lines lines(MethodNode method) {
        return sites.of(method);
    }

    /** Rewrites {@code insns} (instructions of {@code method} analysed by {@code flow}). */
    public void rewrite(MethodNode method, List<AbstractInsnNode> insns, TypeFlow flow, int segment) {
        SourceSites.Lines lines = sites.of(method);
        for (AbstractInsnNode insn : insns) {
            if (flow.before(insn) == null) {
                continue; // unreachable: left for the frame computation to replace
            }
            int op = insn.getOpcode();
            if (insn instanceof FieldInsnNode f) {
                InsnList replacement = fields.replace(f, segment, lines);
                if (replacement != null) {
                    method.instructions.insert(insn, replacement);
                    method.instructions.remove(insn);
                }
            } else if (FieldBarriers.isArrayAccess(op)) {
                Type element = op == AALOAD ? elementType(flow.stack(insn, 1))
                        : op == AASTORE ? elementType(flow.stack(insn, 2)) : null;
                method.instructions.insert(insn, FieldBarriers.replaceArray(insn, element, segment, lines));
                method.instructions.remove(insn);
            } else if (insn instanceof MethodInsnNode m) {
                calls.rewrite(method, m, flow, segment, lines);
            } else if (insn instanceof InvokeDynamicInsnNode indy) {
                calls.rewrite(method, indy, segment, lines);
            } else if (op == MONITORENTER || op == MONITOREXIT) {
                monitor(method, insn, segment, lines);
            } else if (op == NEWARRAY || op == ANEWARRAY || op == MULTIANEWARRAY) {
                method.instructions.insert(insn, allocated(segment));
            }
        }
    }

    /**
     * Records a new array as the transaction's own, so that writes to it go straight to memory: code
     * that reads it without barriers (a {@code String} built from it, a pure method) sees them.
     */
    private static InsnList allocated(int segment) {
        InsnList out = new InsnList(); // array
        out.add(new InsnNode(DUP)); // array array
        out.add(new VarInsnNode(ALOAD, segment)); // array array s
        out.add(RuntimeSeam.ALLOCATED.insn()); // array
        return out;
    }

    private void monitor(MethodNode method, AbstractInsnNode insn, int segment, SourceSites.Lines lines) {
        if (mode == MonitorMode.LOCK) {
            if (insn.getOpcode() == MONITORENTER) { // a real lock cannot be rolled back
                method.instructions.insertBefore(insn,
                        CallRedirector.inevitable(segment, lines.site(insn, "enter a synchronized block (monitors=lock)")));
            }
            return;
        }
        InsnList out = new InsnList(); // monitor
        out.add(new VarInsnNode(ALOAD, segment)); // monitor s
        out.add((insn.getOpcode() == MONITORENTER ? RuntimeSeam.MONITOR_ENTER : RuntimeSeam.MONITOR_EXIT).insn());
        method.instructions.insert(insn, out);
        method.instructions.remove(insn);
    }

    private static Type elementType(BasicValue array) {
        if (array == null || array.getType() == null || array.getType().getSort() != Type.ARRAY) {
            return null;
        }
        return Type.getType(array.getType().getDescriptor().substring(1));
    }
}
