package org.stmagent.instrument.internal.transactional;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.stmagent.instrument.internal.analysis.TypeHierarchy;
import org.stmagent.instrument.internal.seam.RuntimeSeam;

/**
 * Replaces field instructions with calls to the runtime's read and write barriers. The barrier's
 * arguments are the replaced instruction's operands, then the field address loaded as dynamic
 * constants, then the segment and the site number. Final fields need no barrier: they are written only while their
 * object or class is being initialised, before a transaction can see it. A volatile field's read is
 * announced to the runtime first, and its write followed by a call that lets a monitor region
 * publish it (see the runtime's {@code Segment.publishVolatileWrite}).
 */
public final class FieldBarriers implements Opcodes {
    /** By element kind, in the order of the array opcodes (IALOAD, LALOAD, ... SALOAD). */
    private static final String[] ARRAY_NAMES =
            {"int[]", "long[]", "float[]", "double[]", "Object[]", "byte[]/boolean[]", "char[]", "short[]"};

    private final TypeHierarchy hierarchy;
    private final boolean finalWrites;

    /**
     * @param finalWrites whether writes to final fields get barriers too: a constructor's twin is
     *                    not a constructor, and the JVM lets only constructors write final fields
     */
    FieldBarriers(TypeHierarchy hierarchy, boolean finalWrites) {
        this.hierarchy = hierarchy;
        this.finalWrites = finalWrites;
    }

    /** The replacement of {@code f}, or {@code null} to keep it. */
    InsnList replace(FieldInsnNode f, int segment, SourceSites.Lines lines) {
        TypeHierarchy.Member field = hierarchy.resolveField(f.owner, f.name);
        boolean write = f.getOpcode() == PUTFIELD || f.getOpcode() == PUTSTATIC;
        if (field != null && field.is(ACC_FINAL) && !(write && finalWrites)) {
            return null;
        }
        Type type = Type.getType(f.desc);
        boolean read = f.getOpcode() == GETFIELD || f.getOpcode() == GETSTATIC;
        boolean isStatic = f.getOpcode() == GETSTATIC || f.getOpcode() == PUTSTATIC;
        String declaring = (field != null ? field.owner() : f.owner).replace('/', '.');
        AbstractInsnNode site = lines.push(f, (read ? "read " : "write ") + f.name,
                (isStatic ? "static " : "") + declaring + "." + f.name);
        boolean isVolatile = field != null && field.is(ACC_VOLATILE);
        InsnList out = new InsnList();
        if (read && isVolatile) {
            out.add(new VarInsnNode(ALOAD, segment));
            out.add(site.clone(null)); // a constant: the same site again
            out.add(RuntimeSeam.BEFORE_VOLATILE_READ.insn());
        }
        switch (f.getOpcode()) {
            case GETFIELD: // obj
                out.add(RuntimeSeam.instanceOffset(f.owner, f.name)); // obj offset
                out.add(new VarInsnNode(ALOAD, segment)); // obj offset s
                out.add(site); // obj offset s site
                out.add(RuntimeSeam.read(type).insn()); // value
                cast(out, type);
                break;
            case PUTFIELD: // obj value
                out.add(RuntimeSeam.instanceOffset(f.owner, f.name)); // obj value offset
                out.add(new VarInsnNode(ALOAD, segment)); // obj value offset s
                out.add(site); // obj value offset s site
                out.add(RuntimeSeam.write(type).insn()); //
                break;
            case GETSTATIC: //
                out.add(new LdcInsnNode(RuntimeSeam.staticBase(f.owner, f.name))); // base
                out.add(RuntimeSeam.staticOffset(f.owner, f.name)); // base offset
                out.add(new VarInsnNode(ALOAD, segment)); // base offset s
                out.add(site); // base offset s site
                out.add(RuntimeSeam.read(type).insn()); // value
                cast(out, type);
                break;
            case PUTSTATIC: // value
                out.add(new LdcInsnNode(RuntimeSeam.staticBase(f.owner, f.name))); // value base
                if (type.getSize() == 2) {
                    out.add(new InsnNode(DUP_X2)); // base value base
                    out.add(new InsnNode(POP)); // base value
                } else {
                    out.add(new InsnNode(SWAP)); // base value
                }
                out.add(RuntimeSeam.staticOffset(f.owner, f.name)); // base value offset
                out.add(new VarInsnNode(ALOAD, segment)); // base value offset s
                out.add(site); // base value offset s site
                out.add(RuntimeSeam.write(type).insn()); //
                break;
            default:
                throw new IllegalArgumentException("not a field instruction: " + f.getOpcode());
        }
        if (write && isVolatile) {
            out.add(new VarInsnNode(ALOAD, segment));
            out.add(site.clone(null)); // a constant: the same site again
            out.add(RuntimeSeam.AFTER_VOLATILE_WRITE.insn());
        }
        return out;
    }

    /** Array element instructions: the barrier takes the same operands, then the segment and site. */
    static InsnList replaceArray(AbstractInsnNode insn, Type elementType, int segment, SourceSites.Lines lines) {
        int opcode = insn.getOpcode();
        boolean load = opcode <= SALOAD;
        InsnList out = new InsnList();
        out.add(new VarInsnNode(ALOAD, segment)); // array index [value] s
        String element = arrayName(opcode, elementType) + " element";
        out.add(lines.push(insn, (load ? "read " : "write ") + element, element));
        switch (opcode) {
            case IALOAD, LALOAD, FALOAD, DALOAD, AALOAD, BALOAD, CALOAD, SALOAD -> {
                out.add(RuntimeSeam.load(sortOf(opcode)).insn()); // value
                if (opcode == AALOAD) {
                    cast(out, elementType);
                }
            }
            default -> out.add(RuntimeSeam.store(sortOf(opcode)).insn()); //
        }
        return out;
    }

    /** The array type as a user writes it, by the opcode's element kind; references by the type flow. */
    private static String arrayName(int opcode, Type elementType) {
        if (sortOf(opcode) == Type.OBJECT && elementType != null) {
            return elementType.getClassName() + "[]";
        }
        return ARRAY_NAMES[sortIndex(opcode)];
    }

    public static boolean isArrayAccess(int opcode) {
        return (opcode >= IALOAD && opcode <= SALOAD) || (opcode >= IASTORE && opcode <= SASTORE);
    }

    private static int sortIndex(int opcode) {
        return opcode >= IASTORE ? opcode - IASTORE : opcode - IALOAD;
    }

    private static int sortOf(int opcode) {
        return switch (sortIndex(opcode)) {
            case 0 -> Type.INT;
            case 1 -> Type.LONG;
            case 2 -> Type.FLOAT;
            case 3 -> Type.DOUBLE;
            case 4 -> Type.OBJECT;
            case 5 -> Type.BYTE;
            case 6 -> Type.CHAR;
            default -> Type.SHORT;
        };
    }

    private static void cast(InsnList out, Type type) {
        if (type == null) {
            return;
        }
        boolean reference = type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY;
        if (reference && !"java/lang/Object".equals(type.getInternalName())) {
            out.add(new TypeInsnNode(CHECKCAST, type.getInternalName())); // value as its declared type
        }
    }
}
