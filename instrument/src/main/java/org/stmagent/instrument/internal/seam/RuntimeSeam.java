package org.stmagent.instrument.internal.seam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.stmagent.runtime.seam.SeamNames;

/**
 * Everything rewritten bytecode knows about the runtime: class names, and the name and descriptor
 * of each static method it calls. This is the only place in {@code instrument} that names the
 * runtime (its class names come from the runtime's {@link SeamNames}); a unit test checks every
 * entry against the real classes.
 */
public final class RuntimeSeam {
    public static final String BARRIERS = SeamNames.BARRIERS;
    public static final String FIELD_ADDRESSES = SeamNames.FIELD_ADDRESSES;
    public static final String SEGMENT = SeamNames.SEGMENT;
    public static final String TRANSACTION_ABORT = SeamNames.TRANSACTION_ABORT;
    public static final String SEGMENT_DESC = "L" + SEGMENT + ";";
    public static final String JDK_CALLS = SeamNames.JDK_CALLS;

    /** Packages whose classes are never rewritten: stm-agent's own and its relocated dependencies. */
    public static final List<String> OWN_PACKAGES = List.of(SeamNames.OWN_PACKAGES.split(SeamNames.PATTERN_SEPARATOR));

    /** Whether {@code internalName} belongs to stm-agent itself. */
    public static boolean isOwnClass(String internalName) {
        for (String p : OWN_PACKAGES) {
            if (internalName.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static final List<Call> ALL = new ArrayList<>();
    private static final String OBJECT = "Ljava/lang/Object;";
    private static final String S = SEGMENT_DESC;

    public static final Call CURRENT = barrier("current", "()" + S);
    public static final Call SUSPEND = barrier("suspend", "()" + S);
    public static final Call RESUME = barrier("resume", "(" + S + ")V");
    public static final Call BEGIN = barrier("begin", "()" + S);
    public static final Call BEGIN_REGION = barrier("beginRegion", "()" + S);
    public static final Call BEGIN_ATOMIC = barrier("beginAtomic", "(IZ)" + S);
    public static final Call COMMIT = barrier("commit", "(" + S + ")Z");
    public static final Call BEGIN_UNLESS_PLAIN = barrier("beginUnlessPlain", "(" + OBJECT + "I)" + S);
    public static final Call END_PLAIN = barrier("endPlain", "()V");
    public static final Call ENTER_PLAIN_MONITOR = barrier("enterPlainMonitor", "(" + OBJECT + "I)V");
    public static final Call LEAVE_FOR_PLAIN = barrier("leaveForPlain", "(" + S + ")Z");
    public static final Call BEFORE_VOLATILE_READ = barrier("beforeVolatileRead", "(" + S + "I)V");
    public static final Call AFTER_VOLATILE_WRITE = barrier("afterVolatileWrite", "(" + S + "I)V");
    public static final Call AFTER_THROWABLE = barrier("afterThrowable", "(" + S + "Ljava/lang/Throwable;)V");
    public static final Call BECOME_INEVITABLE = barrier("becomeInevitable", "(" + S + "I)V");
    public static final Call BEFORE_CALL_ON = barrier("beforeCallOn", "(" + OBJECT + "Ljava/lang/String;" + S + "I)V");
    public static final Call ALLOCATED = barrier("allocated", "(" + OBJECT + S + ")V");
    public static final Call MONITOR_ENTER = barrier("monitorEnter", "(" + OBJECT + S + ")V");
    public static final Call MONITOR_EXIT = barrier("monitorExit", "(" + OBJECT + S + ")V");
    public static final Call WAIT = barrier("waitOn", "(" + OBJECT + S + ")V");
    public static final Call WAIT_MILLIS = barrier("waitOn", "(" + OBJECT + "J" + S + ")V");
    public static final Call WAIT_MILLIS_NANOS = barrier("waitOn", "(" + OBJECT + "JI" + S + ")V");
    public static final Call NOTIFY = barrier("notifyOn", "(" + OBJECT + S + ")V");
    public static final Call HOLDS_LOCK = barrier("holdsLock", "(" + OBJECT + S + ")Z");
    public static final Call NOTIFY_ALL = barrier("notifyAllOn", "(" + OBJECT + S + ")V");
    /** {@code array.clone()} inside a transaction: a copy read through the barriers. */
    public static final Call CLONE_ARRAY = barrier("cloneArray", "(" + OBJECT + S + "I)" + OBJECT);
    /** {@code System.arraycopy} inside a transaction: element by element through the barriers. */
    public static final Call CLONE_OBJECT = barrier("cloneObject", "(" + OBJECT + S + "I)" + OBJECT);
    public static final Call ADD_TO_COUNTER = barrier("addToCounter", "(" + OBJECT + "IJ" + S + "I)I");
    public static final Call READ_COUNTER = barrier("readCounter", "(" + OBJECT + "J" + S + "I)I");
    public static final Call WRITE_COUNTER = barrier("writeCounter", "(" + OBJECT + "IJ" + S + "I)V");
    public static final Call ARRAYCOPY = barrier("arraycopy", "(" + OBJECT + "I" + OBJECT + "II" + S + "I)V");

    /** Field barriers by the {@link Type#getSort() sort} of the field's type. */
    private static final Call[] READ = new Call[Type.METHOD + 1];
    private static final Call[] WRITE = new Call[Type.METHOD + 1];
    /** Array barriers by the sort of the element kind the array opcode names. */
    private static final Call[] LOAD = new Call[Type.METHOD + 1];
    private static final Call[] STORE = new Call[Type.METHOD + 1];

    static {
        fieldBarriers(Type.BOOLEAN_TYPE, "Boolean");
        fieldBarriers(Type.BYTE_TYPE, "Byte");
        fieldBarriers(Type.CHAR_TYPE, "Char");
        fieldBarriers(Type.SHORT_TYPE, "Short");
        fieldBarriers(Type.INT_TYPE, "Int");
        fieldBarriers(Type.LONG_TYPE, "Long");
        fieldBarriers(Type.FLOAT_TYPE, "Float");
        fieldBarriers(Type.DOUBLE_TYPE, "Double");
        READ[Type.OBJECT] = barrier("readRef", "(" + OBJECT + "J" + S + "I)" + OBJECT);
        WRITE[Type.OBJECT] = barrier("writeRef", "(" + OBJECT + OBJECT + "J" + S + "I)V");
        READ[Type.ARRAY] = READ[Type.OBJECT];
        WRITE[Type.ARRAY] = WRITE[Type.OBJECT];

        // BALOAD/BASTORE serve byte[] and boolean[]: the runtime takes the array as Object
        arrayBarriers(Type.BYTE, "Byte", OBJECT, "B");
        arrayBarriers(Type.CHAR, "Char", "[C", "C");
        arrayBarriers(Type.SHORT, "Short", "[S", "S");
        arrayBarriers(Type.INT, "Int", "[I", "I");
        arrayBarriers(Type.LONG, "Long", "[J", "J");
        arrayBarriers(Type.FLOAT, "Float", "[F", "F");
        arrayBarriers(Type.DOUBLE, "Double", "[D", "D");
        arrayBarriers(Type.OBJECT, "Ref", "[" + OBJECT, OBJECT);
    }

    private static final String BOXED_OFFSET = "Ljava/lang/Long;";
    private static final String BOOTSTRAP_DESC =
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;Ljava/lang/Class;)";
    private static final String LINKER_DESC = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;Ljava/lang/Class;Ljava/lang/String;I)Ljava/lang/invoke/CallSite;";
    /** Bootstraps of calls into the JDK's collections (static arguments: class, descriptor, site). */
    public static final Call JDK_VIRTUAL_CALL = register(new Call(JDK_CALLS, "virtualCall", LINKER_DESC));
    public static final Call JDK_STATIC_CALL = register(new Call(JDK_CALLS, "staticCall", LINKER_DESC));
    public static final Call JDK_SPECIAL_CALL = register(new Call(JDK_CALLS, "specialCall", LINKER_DESC));
    public static final Call JDK_CONSTRUCT = register(new Call(JDK_CALLS, "construct", LINKER_DESC));
    public static final Call JDK_INITIALIZE = register(new Call(JDK_CALLS, "initialize", LINKER_DESC));
    /** A field's address computed at once (a JDK twin's class initialiser; see {@code ResolvedOffsets}). */
    public static final Call INSTANCE_OFFSET = register(new Call(FIELD_ADDRESSES, "instanceOffset",
            "(Ljava/lang/Class;Ljava/lang/String;)J"));
    public static final Call STATIC_OFFSET = register(new Call(FIELD_ADDRESSES, "staticOffset",
            "(Ljava/lang/Class;Ljava/lang/String;)J"));
    public static final Call STATIC_BASE = register(new Call(FIELD_ADDRESSES, "staticBase",
            "(Ljava/lang/Class;Ljava/lang/String;)" + OBJECT));
    public static final Call INSTANCE_OFFSET_BOOTSTRAP =
            register(new Call(FIELD_ADDRESSES, "instanceOffsetBootstrap", BOOTSTRAP_DESC + "J"));
    public static final Call STATIC_OFFSET_BOOTSTRAP =
            register(new Call(FIELD_ADDRESSES, "staticOffsetBootstrap", BOOTSTRAP_DESC + "J"));
    public static final Call STATIC_BASE_BOOTSTRAP =
            register(new Call(FIELD_ADDRESSES, "staticBaseBootstrap", BOOTSTRAP_DESC + OBJECT));

    private RuntimeSeam() {
    }

    /** A static method of the runtime. */
    public record Call(String owner, String name, String descriptor) {
        public MethodInsnNode insn() {
            return new MethodInsnNode(Opcodes.INVOKESTATIC, owner, name, descriptor, false);
        }

        public Handle handle() {
            return new Handle(Opcodes.H_INVOKESTATIC, owner, name, descriptor, false);
        }
    }

    /** Every method of the seam, for the test that checks them against the runtime. */
    public static List<Call> all() {
        return Collections.unmodifiableList(ALL);
    }

    public static Call read(Type fieldType) {
        return READ[fieldType.getSort()];
    }

    public static Call write(Type fieldType) {
        return WRITE[fieldType.getSort()];
    }

    /** The load barrier for an array element of the given sort ({@link Type#OBJECT} for references). */
    public static Call load(int elementSort) {
        return LOAD[elementSort];
    }

    public static Call store(int elementSort) {
        return STORE[elementSort];
    }

    /**
     * Pushes the offset of an instance field: an {@code ldc} of a dynamic constant resolved once per
     * class, then {@code Long.longValue()}. The constant is a {@code Long}, not a {@code long}:
     * Java 17's JIT compilers refuse methods that load primitive dynamic constants.
     */
    public static InsnList instanceOffset(String owner, String field) {
        return boxedOffset(new ConstantDynamic(field, BOXED_OFFSET, INSTANCE_OFFSET_BOOTSTRAP.handle(),
                Type.getObjectType(owner)));
    }

    /** Pushes the offset of a static field within its base, as {@link #instanceOffset} does. */
    public static InsnList staticOffset(String owner, String field) {
        return boxedOffset(new ConstantDynamic(field, BOXED_OFFSET, STATIC_OFFSET_BOOTSTRAP.handle(),
                Type.getObjectType(owner)));
    }

    private static InsnList boxedOffset(ConstantDynamic constant) {
        InsnList out = new InsnList();
        out.add(new LdcInsnNode(constant)); // Long
        out.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, "java/lang/Long", "longValue", "()J", false)); // offset
        return out;
    }

    /** {@code ldc} constant: the base object of a static field; initialises its class. */
    public static ConstantDynamic staticBase(String owner, String field) {
        return new ConstantDynamic(field, OBJECT, STATIC_BASE_BOOTSTRAP.handle(), Type.getObjectType(owner));
    }

    private static void fieldBarriers(Type type, String suffix) {
        String d = type.getDescriptor();
        READ[type.getSort()] = barrier("read" + suffix, "(" + OBJECT + "J" + S + "I)" + d);
        WRITE[type.getSort()] = barrier("write" + suffix, "(" + OBJECT + d + "J" + S + "I)V");
    }

    private static void arrayBarriers(int sort, String suffix, String arrayDesc, String elementDesc) {
        LOAD[sort] = barrier("load" + suffix, "(" + arrayDesc + "I" + S + "I)" + elementDesc);
        STORE[sort] = barrier("store" + suffix, "(" + arrayDesc + "I" + elementDesc + S + "I)V");
    }

    private static Call barrier(String name, String descriptor) {
        return register(new Call(BARRIERS, name, descriptor));
    }

    private static Call register(Call call) {
        ALL.add(call);
        return call;
    }
}
