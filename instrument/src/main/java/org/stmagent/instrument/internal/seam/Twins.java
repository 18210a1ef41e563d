package org.stmagent.instrument.internal.seam;

import org.objectweb.asm.Type;
import org.stmagent.runtime.seam.SeamNames;

/** Names of the synthetic members the rewriter adds. */
public final class Twins {
    /** Prefix of every synthetic member added to a rewritten class. */
    public static final String PREFIX = SeamNames.MEMBER_PREFIX;
    /** A static final field marking a class as rewritten. */
    public static final String MARKER = PREFIX + "rewritten";

    private Twins() {
    }

    /** Whether a method of this name gets a transactional twin (constructors and initialisers do not). */
    public static boolean hasTwin(String name) {
        return !name.equals("<init>") && !name.equals("<clinit>") && !name.startsWith(PREFIX);
    }

    public static String name(String original) {
        return PREFIX + original;
    }

    /** The copy of a {@code synchronized} method's original code, run when its site runs plainly. */
    public static String plainName(String original) {
        return PREFIX + "plain$" + original;
    }

    /** The original descriptor with the segment appended as the last parameter. */
    public static String descriptor(String original) {
        Type t = Type.getMethodType(original);
        Type[] args = t.getArgumentTypes();
        Type[] twinArgs = new Type[args.length + 1];
        System.arraycopy(args, 0, twinArgs, 0, args.length);
        twinArgs[args.length] = Type.getObjectType(RuntimeSeam.SEGMENT);
        return Type.getMethodDescriptor(t.getReturnType(), twinArgs);
    }
}
