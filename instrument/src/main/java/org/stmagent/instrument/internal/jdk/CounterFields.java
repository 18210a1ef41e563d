package org.stmagent.instrument.internal.jdk;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.stmagent.instrument.internal.analysis.TypeHierarchy;
import org.stmagent.instrument.internal.seam.RuntimeSeam;
import org.stmagent.instrument.internal.transactional.SourceSites;

/**
 * The counter fields of the JDK's maps, which every insertion and removal updates: {@code size}
 * and {@code modCount} of {@code HashMap} and {@code TreeMap}. In their twins,
 * {@code field += 1} and {@code field -= 1} become the runtime's commutative increment, applied at
 * commit, so two transactions that insert different keys do not conflict on them; any other access
 * to them first turns a pending increment into an ordinary read and write. The value an increment
 * returns ({@code if (++size > threshold) resize()}) is the attempt's estimate: HashMap only uses it
 * to decide when to grow its table, which the map's contents do not depend on.
 */
final class CounterFields implements Opcodes {
    private static final Set<String> FIELDS = Set.of("java/util/HashMap.size", "java/util/HashMap.modCount",
            "java/util/TreeMap.size", "java/util/TreeMap.modCount");

    private final TypeHierarchy hierarchy;

    CounterFields(TypeHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    /**
     * Rewrites every access to a counter field in {@code method}; returns the instructions it
     * replaced or removed, which the other barriers must leave alone.
     */
    Set<AbstractInsnNode> rewrite(MethodNode method, List<AbstractInsnNode> insns, int segment, SourceSites.Lines lines) {
        Set<AbstractInsnNode> done = new HashSet<>();
        for (AbstractInsnNode insn : insns) {
            if (done.contains(insn) || insn.getOpcode() != GETFIELD && insn.getOpcode() != PUTFIELD
                    || !isCounter((FieldInsnNode) insn)) {
                continue;
            }
            FieldInsnNode f = (FieldInsnNode) insn;
            if (f.getOpcode() == GETFIELD && increment(method, f, segment, lines, done)) {
                continue;
            }
            InsnList out = RuntimeSeam.instanceOffset(f.owner, f.name); // obj [value] offset
            out.add(new VarInsnNode(ALOAD, segment));
            boolean read = f.getOpcode() == GETFIELD;
            out.add(lines.push(f, (read ? "read " : "write ") + f.name, location(f)));
            out.add((read ? RuntimeSeam.READ_COUNTER : RuntimeSeam.WRITE_COUNTER).insn()); // [value]
            method.instructions.insert(f, out);
            method.instructions.remove(f);
            done.add(f);
        }
        return done;
    }

    /**
     * {@code obj obj | GETFIELD f; ICONST_1 or ICONST_M1; IADD or ISUB; [DUP_X1]; PUTFIELD f} becomes
     * {@code obj | delta offset s site addToCounter [POP]}.
     */
    private boolean increment(MethodNode method, FieldInsnNode get, int segment, SourceSites.Lines lines,
            Set<AbstractInsnNode> done) {
        AbstractInsnNode constant = next(get);
        AbstractInsnNode arithmetic = next(constant);
        AbstractInsnNode maybeDup = next(arithmetic);
        boolean used = maybeDup != null && maybeDup.getOpcode() == DUP_X1;
        AbstractInsnNode put = used ? next(maybeDup) : maybeDup;
        if (constant == null || arithmetic == null || put == null || put.getOpcode() != PUTFIELD
                || !same(get, (FieldInsnNode) put)) {
            return false;
        }
        int delta;
        if (constant.getOpcode() == ICONST_1) {
            delta = 1;
        } else if (constant.getOpcode() == ICONST_M1) {
            delta = -1;
        } else {
            return false;
        }
        if (arithmetic.getOpcode() == ISUB) {
            delta = -delta;
        } else if (arithmetic.getOpcode() != IADD) {
            return false;
        }
        InsnList out = new InsnList(); // obj obj
        out.add(new InsnNode(POP)); // obj
        out.add(new InsnNode(delta == 1 ? ICONST_1 : ICONST_M1)); // obj delta
        out.add(RuntimeSeam.instanceOffset(get.owner, get.name)); // obj delta offset
        out.add(new VarInsnNode(ALOAD, segment)); // obj delta offset s
        out.add(lines.push(get, "add to " + get.name, location(get))); // obj delta offset s site
        out.add(RuntimeSeam.ADD_TO_COUNTER.insn()); // value
        if (!used) {
            out.add(new InsnNode(POP)); //
        }
        method.instructions.insertBefore(get, out);
        for (AbstractInsnNode gone : new AbstractInsnNode[] {get, constant, arithmetic, used ? maybeDup : null, put}) {
            if (gone != null) {
                method.instructions.remove(gone);
                done.add(gone);
            }
        }
        return true;
    }

    private boolean isCounter(FieldInsnNode f) {
        TypeHierarchy.Member field = hierarchy.resolveField(f.owner, f.name);
        return field != null && FIELDS.contains(field.owner() + "." + f.name);
    }

    private boolean same(FieldInsnNode a, FieldInsnNode b) {
        return a.name.equals(b.name) && isCounter(b) && hierarchy.resolveField(a.owner, a.name).owner()
                .equals(hierarchy.resolveField(b.owner, b.name).owner());
    }

    private String location(FieldInsnNode f) {
        return (hierarchy.resolveField(f.owner, f.name).owner() + "." + f.name).replace('/', '.');
    }

    /** The next instruction that is not a label, line number or frame. */
    private static AbstractInsnNode next(AbstractInsnNode insn) {
        AbstractInsnNode n = insn == null ? null : insn.getNext();
        while (n != null && n.getOpcode() < 0) {
            n = n.getNext();
        }
        return n;
    }
}
