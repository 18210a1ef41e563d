package org.stmagent.instrument.internal.analysis;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * {@link BasicInterpreter} that keeps the exact type of references, so the rewriter knows the
 * element type an {@code aaload} yields, and which value a {@code new} made. Merges of different
 * classes ask the {@link TypeHierarchy}; it never verifies.
 */
public final class TypedInterpreter extends BasicInterpreter {
    private static final Type NULL = Type.getObjectType("null");
    private static final Type OBJECT = Type.getObjectType("java/lang/Object");

    private final TypeHierarchy hierarchy;

    TypedInterpreter(TypeHierarchy hierarchy) {
        super(Opcodes.ASM9);
        this.hierarchy = hierarchy;
    }

    /** The value a {@code new} pushed, before its constructor ran; copies of it are the same object. */
    public static final class Fresh extends BasicValue {
        public final AbstractInsnNode origin;

        Fresh(Type type, AbstractInsnNode origin) {
            super(type);
            this.origin = origin;
        }
    }

    @Override
    public BasicValue newValue(Type type) {
        if (type != null && (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY)) {
            return new BasicValue(type);
        }
        return super.newValue(type);
    }

    @Override
    public BasicValue newOperation(AbstractInsnNode insn) throws AnalyzerException {
        if (insn.getOpcode() == Opcodes.NEW) {
            return new Fresh(Type.getObjectType(((TypeInsnNode) insn).desc), insn);
        }
        return super.newOperation(insn);
    }

    @Override
    public BasicValue binaryOperation(AbstractInsnNode insn, BasicValue array, BasicValue index)
            throws AnalyzerException {
        if (insn.getOpcode() == Opcodes.AALOAD) {
            Type t = array.getType();
            if (t != null && t.getSort() == Type.ARRAY) {
                return newValue(Type.getType(t.getDescriptor().substring(1)));
            }
            return new BasicValue(OBJECT);
        }
        return super.binaryOperation(insn, array, index);
    }

    @Override
    public BasicValue merge(BasicValue a, BasicValue b) {
        if (a == b) {
            return a;
        }
        if (a.equals(b) && !(a instanceof Fresh) && !(b instanceof Fresh)) {
            return a;
        }
        if (!a.isReference() || !b.isReference()) {
            return a.equals(b) ? a : BasicValue.UNINITIALIZED_VALUE;
        }
        Type ta = a.getType();
        Type tb = b.getType();
        if (ta.equals(NULL)) {
            return b instanceof Fresh ? new BasicValue(tb) : b;
        }
        if (tb.equals(NULL)) {
            return a instanceof Fresh ? new BasicValue(ta) : a;
        }
        if (ta.equals(tb)) {
            return new BasicValue(ta);
        }
        return new BasicValue(common(ta, tb));
    }

    private Type common(Type a, Type b) {
        if (a.getSort() == Type.ARRAY && b.getSort() == Type.ARRAY) {
            Type ea = Type.getType(a.getDescriptor().substring(1));
            Type eb = Type.getType(b.getDescriptor().substring(1));
            boolean refs = (ea.getSort() == Type.OBJECT || ea.getSort() == Type.ARRAY)
                    && (eb.getSort() == Type.OBJECT || eb.getSort() == Type.ARRAY);
            return refs ? Type.getType("[" + common(ea, eb).getDescriptor()) : OBJECT;
        }
        if (a.getSort() == Type.ARRAY || b.getSort() == Type.ARRAY) {
            return OBJECT;
        }
        try {
            return Type.getObjectType(hierarchy.commonSuperClass(a.getInternalName(), b.getInternalName()));
        } catch (UnresolvableTypeException e) {
            return OBJECT;
        }
    }
}
