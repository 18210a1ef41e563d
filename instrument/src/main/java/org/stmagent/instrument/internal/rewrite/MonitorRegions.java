package org.stmagent.instrument.internal.rewrite;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.stmagent.instrument.internal.analysis.TypeFlow;
import org.stmagent.instrument.internal.analysis.UnsupportedCodeException;
import org.stmagent.instrument.internal.transactional.Invocations;

/**
 * Finds the {@code synchronized} blocks of a method: which monitors are held before each
 * instruction, following normal and exceptional control flow, with each monitor known by the
 * {@code monitorenter} that took it and the local variable holding its object (the pattern every
 * Java compiler emits). Anything else (a monitor left held at a return, paths that disagree about
 * what is held, an exit of a monitor that is not the innermost) is refused.
 */
public final class MonitorRegions implements Opcodes {
    /** The monitors held, innermost first. */
    record Held(int enter, int lockLocal, Held outer) {
        Held outermost() {
            Held h = this;
            while (h.outer != null) {
                h = h.outer;
            }
            return h;
        }
    }

    /** One outermost {@code synchronized} block. */
    static final class Region {
        final AbstractInsnNode enter;
        final int lockLocal;
        /** Instructions executed with the monitor held (inner blocks included), in code order. */
        final List<AbstractInsnNode> body = new ArrayList<>();
        /** The {@code monitorexit} instructions that leave the block normally. */
        final List<AbstractInsnNode> exits = new ArrayList<>();
        /** Handlers that only release the monitor and rethrow: {@code astore t; aload lock; monitorexit; aload t; athrow}. */
        final List<LabelNode> releaseHandlers = new ArrayList<>();
        /** The instructions of those handlers. */
        final List<AbstractInsnNode> releaseCode = new ArrayList<>();

        Region(AbstractInsnNode enter, int lockLocal) {
            this.enter = enter;
            this.lockLocal = lockLocal;
        }
    }

    private final MethodNode method;
    private final AbstractInsnNode[] insns;
    private final Held[] held;
    private final boolean[] reached;

    private MonitorRegions(MethodNode method) {
        this.method = method;
        this.insns = method.instructions.toArray();
        this.held = new Held[insns.length];
        this.reached = new boolean[insns.length];
    }

    public static boolean hasMonitors(MethodNode m) {
        for (AbstractInsnNode insn : m.instructions) {
            if (insn.getOpcode() == MONITORENTER || insn.getOpcode() == MONITOREXIT) {
                return true;
            }
        }
        return false;
    }

    /** The outermost blocks of {@code method}, in code order. */
    static List<Region> find(MethodNode method, TypeFlow flow) {
        MonitorRegions analysis = new MonitorRegions(method);
        analysis.flow();
        return analysis.regions(flow);
    }

    private void flow() {
        Deque<Integer> work = new ArrayDeque<>();
        reach(0, null, work);
        InsnList list = method.instructions;
        while (!work.isEmpty()) {
            int i = work.pop();
            AbstractInsnNode insn = insns[i];
            Held in = held[i];
            for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
                if (list.indexOf(tcb.start) <= i && i < list.indexOf(tcb.end)) {
                    reach(list.indexOf(tcb.handler), in, work);
                    if (tcb.type == null) {
                        break; // catches everything: later handlers never see it
                    }
                }
            }
            Held out = transfer(i, insn, in);
            int op = insn.getOpcode();
            if (insn instanceof JumpInsnNode j) {
                reach(list.indexOf(j.label), out, work);
                if (op == GOTO) {
                    continue;
                }
                if (op == JSR) {
                    throw new UnsupportedCodeException("subroutine left after inlining");
                }
            } else if (insn instanceof TableSwitchInsnNode t) {
                reach(list.indexOf(t.dflt), out, work);
                t.labels.forEach(l -> reach(list.indexOf(l), out, work));
                continue;
            } else if (insn instanceof LookupSwitchInsnNode l) {
                reach(list.indexOf(l.dflt), out, work);
                l.labels.forEach(x -> reach(list.indexOf(x), out, work));
                continue;
            } else if (Invocations.isReturn(op)) {
                if (out != null) {
                    throw new UnsupportedCodeException("returns with a monitor held");
                }
                continue;
            } else if (op == ATHROW || op == RET) {
                continue;
            }
            if (i + 1 < insns.length) {
                reach(i + 1, out, work);
            }
        }
    }

    private Held transfer(int i, AbstractInsnNode insn, Held in) {
        if (insn.getOpcode() == MONITORENTER) {
            return new Held(i, lockLocal(insn), in);
        }
        if (insn.getOpcode() == MONITOREXIT) {
            AbstractInsnNode prev = realBefore(insn);
            if (in == null || !(prev instanceof VarInsnNode v) || v.getOpcode() != ALOAD || v.var != in.lockLocal) {
                throw new UnsupportedCodeException("monitorexit that does not release the innermost monitor");
            }
            return in.outer;
        }
        return in;
    }

    private void reach(int i, Held state, Deque<Integer> work) {
        if (!reached[i]) {
            reached[i] = true;
            held[i] = state;
            work.push(i);
        } else if (!Objects.equals(held[i], state)) {
            throw new UnsupportedCodeException("paths that hold different monitors meet");
        }
    }

    /** {@code dup; astore x; monitorenter} (javac, ecj) or {@code astore x; aload x; monitorenter}. */
    private static int lockLocal(AbstractInsnNode enter) {
        AbstractInsnNode p1 = realBefore(enter);
        AbstractInsnNode p2 = p1 == null ? null : realBefore(p1);
        if (p1 instanceof VarInsnNode v1 && v1.getOpcode() == ASTORE && p2 != null && p2.getOpcode() == DUP) {
            return v1.var;
        }
        if (p1 instanceof VarInsnNode v1 && v1.getOpcode() == ALOAD && p2 instanceof VarInsnNode v2
                && v2.getOpcode() == ASTORE && v2.var == v1.var) {
            return v1.var;
        }
        throw new UnsupportedCodeException("monitorenter whose object is not kept in a local variable");
    }

    static AbstractInsnNode realBefore(AbstractInsnNode insn) {
        AbstractInsnNode p = insn.getPrevious();
        while (p != null && p.getOpcode() < 0) {
            p = p.getPrevious();
        }
        return p;
    }

    private static AbstractInsnNode realAfter(AbstractInsnNode insn) {
        AbstractInsnNode p = insn.getNext();
        while (p != null && p.getOpcode() < 0) {
            p = p.getNext();
        }
        return p;
    }

    private List<Region> regions(TypeFlow flow) {
        List<Region> regions = new ArrayList<>();
        for (int i = 0; i < insns.length; i++) {
            if (reached[i] && insns[i].getOpcode() == MONITORENTER && held[i] == null) {
                Region r = new Region(insns[i], lockLocal(insns[i]));
                if (flow.before(insns[i]).getStackSize() != 1) {
                    throw new UnsupportedCodeException("monitorenter with other values on the operand stack");
                }
                findReleaseHandlers(r, i);
                collect(r, i, flow);
                regions.add(r);
            }
        }
        return regions;
    }

    private void findReleaseHandlers(Region r, int enter) {
        Held only = new Held(enter, r.lockLocal, null);
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            int h = method.instructions.indexOf(tcb.handler);
            if (tcb.type != null || !reached[h] || !only.equals(held[h]) || r.releaseHandlers.contains(tcb.handler)) {
                continue;
            }
            List<AbstractInsnNode> code = releasePattern(tcb.handler, r.lockLocal);
            if (code != null) {
                r.releaseHandlers.add(tcb.handler);
                r.releaseCode.addAll(code);
            }
        }
    }

    /** The real instructions of {@code astore t; aload lock; monitorexit; aload t; athrow}, or null. */
    private static List<AbstractInsnNode> releasePattern(LabelNode handler, int lock) {
        List<AbstractInsnNode> code = new ArrayList<>();
        AbstractInsnNode insn = realAfter(handler);
        int[] opcodes = {ASTORE, ALOAD, MONITOREXIT, ALOAD, ATHROW};
        int t = -1;
        for (int k = 0; k < opcodes.length; k++) {
            if (insn == null || insn.getOpcode() != opcodes[k]) {
                return null;
            }
            if (k == 0) {
                t = ((VarInsnNode) insn).var;
            } else if (k == 1 && ((VarInsnNode) insn).var != lock) {
                return null;
            } else if (k == 3 && ((VarInsnNode) insn).var != t) {
                return null;
            }
            code.add(insn);
            insn = realAfter(insn);
        }
        return code;
    }

    private void collect(Region r, int enter, TypeFlow flow) {
        for (int i = 0; i < insns.length; i++) {
            if (!reached[i] || held[i] == null || held[i].outermost().enter() != enter
                    || r.releaseCode.contains(insns[i])) {
                continue;
            }
            AbstractInsnNode insn = insns[i];
            if (insn.getOpcode() == MONITOREXIT && held[i].outer() == null) {
                r.exits.add(insn); // values under the lock (a return value) are kept across the commit
            } else {
                if (insn instanceof VarInsnNode v && v.getOpcode() == ASTORE && v.var == r.lockLocal) {
                    throw new UnsupportedCodeException("the monitor's local variable is reassigned in its block");
                }
                r.body.add(insn);
            }
        }
    }
}
