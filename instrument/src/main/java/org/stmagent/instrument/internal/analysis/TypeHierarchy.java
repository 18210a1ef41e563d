package org.stmagent.instrument.internal.analysis;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.objectweb.asm.Opcodes;
import org.stmagent.instrument.ClassFileLocator;

/**
 * Class hierarchy answers from class files, never by loading classes: common superclasses for
 * stack map frames, and where a field or method is declared. Caches what it reads for one rewrite.
 */
public final class TypeHierarchy {
    private static final String OBJECT = "java/lang/Object";

    private final ClassFileLocator locator;
    private final Map<String, ClassInfo> infos = new HashMap<>();

    public TypeHierarchy(ClassFileLocator locator, byte[] current) {
        this.locator = locator;
        ClassInfo info = ClassInfo.parse(current);
        infos.put(info.name, info);
    }

    /** A member found by resolution: the class declaring it and its access flags. */
    public record Member(String owner, int access) {
        public boolean is(int flag) {
            return (access & flag) != 0;
        }
    }

    /** The class file of {@code name}, or {@code null} when none is found. */
    public byte[] classFile(String name) {
        return locator.find(name);
    }

    /** The class file facts of {@code name}, or {@code null} when no class file is found. */
    ClassInfo info(String name) {
        if (infos.containsKey(name)) {
            return infos.get(name);
        }
        byte[] bytes = locator.find(name);
        ClassInfo info = null;
        if (bytes != null) {
            try {
                info = ClassInfo.parse(bytes);
            } catch (RuntimeException unreadable) {
                info = null;
            }
        }
        infos.put(name, info);
        return info;
    }

    /**
     * The most specific common superclass of two classes, for a stack map frame merge.
     *
     * @throws UnresolvableTypeException when a class file needed is not found
     */
    public String commonSuperClass(String a, String b) {
        ClassInfo ia = require(a);
        ClassInfo ib = require(b);
        if (ia.isInterface() || ib.isInterface()) {
            return OBJECT;
        }
        Set<String> chainOfA = new LinkedHashSet<>();
        for (String c = a; c != null; c = require(c).superName) {
            chainOfA.add(c);
        }
        for (String c = b; c != null; c = require(c).superName) {
            if (chainOfA.contains(c)) {
                return c;
            }
        }
        return OBJECT;
    }

    /** Whether {@code sub} is {@code sup} or a subtype of it (interfaces included). */
    boolean isSubtype(String sub, String sup) {
        if (sub.equals(sup) || OBJECT.equals(sup)) {
            return true;
        }
        Deque<String> work = new ArrayDeque<>();
        work.add(sub);
        Set<String> seen = new LinkedHashSet<>();
        while (!work.isEmpty()) {
            String c = work.poll();
            if (!seen.add(c)) {
                continue;
            }
            if (c.equals(sup)) {
                return true;
            }
            ClassInfo info = require(c);
            if (info.superName != null) {
                work.add(info.superName);
            }
            for (String i : info.interfaces) {
                work.add(i);
            }
        }
        return false;
    }

    public boolean isInterface(String name) {
        return require(name).isInterface();
    }

    /** Field resolution as the JVM does it: the class, its superinterfaces, then superclasses. */
    public Member resolveField(String owner, String name) {
        for (String c = owner; c != null; ) {
            ClassInfo info = info(c);
            if (info == null) {
                return null;
            }
            Integer access = info.fields.get(name);
            if (access != null) {
                return new Member(c, access);
            }
            for (String i : info.interfaces) {
                Member m = resolveField(i, name);
                if (m != null) {
                    return m;
                }
            }
            c = info.superName;
        }
        return null;
    }

    /**
     * Method resolution: the class and its superclasses, then superinterfaces (preferring a
     * non-abstract declaration). {@code null} when not found or a class file is missing.
     */
    public Member resolveMethod(String owner, String name, String descriptor) {
        String key = name + descriptor;
        ClassInfo start = info(owner);
        if (start == null) {
            return null;
        }
        for (String c = owner; c != null; ) {
            ClassInfo info = info(c);
            if (info == null) {
                return null;
            }
            Integer access = info.methods.get(key);
            if (access != null) {
                return new Member(c, access);
            }
            c = info.superName;
        }
        Member found = null;
        Deque<String> work = new ArrayDeque<>();
        for (String c = owner; c != null; c = info(c) == null ? null : info(c).superName) {
            ClassInfo info = info(c);
            if (info != null) {
                work.addAll(java.util.List.of(info.interfaces));
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        while (!work.isEmpty()) {
            String i = work.poll();
            if (!seen.add(i)) {
                continue;
            }
            ClassInfo info = info(i);
            if (info == null) {
                return null;
            }
            Integer access = info.methods.get(key);
            if (access != null && (access & Opcodes.ACC_PRIVATE) == 0 && (access & Opcodes.ACC_STATIC) == 0) {
                if (found == null || (found.is(Opcodes.ACC_ABSTRACT) && (access & Opcodes.ACC_ABSTRACT) == 0)) {
                    found = new Member(i, access);
                }
            }
            work.addAll(java.util.List.of(info.interfaces));
        }
        return found;
    }

    private ClassInfo require(String name) {
        ClassInfo info = info(name);
        if (info == null) {
            throw new UnresolvableTypeException(name);
        }
        return info;
    }
}
