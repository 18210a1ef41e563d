package org.stmagent.instrument.internal;

import org.objectweb.asm.ClassWriter;

/** Computes frames with hierarchy answers read from class files instead of loaded classes. */
final class FrameClassWriter extends ClassWriter {
    private final TypeHierarchy hierarchy;

    FrameClassWriter(TypeHierarchy hierarchy) {
        super(COMPUTE_FRAMES);
        this.hierarchy = hierarchy;
    }

    @Override
    protected String getCommonSuperClass(String type1, String type2) {
        return hierarchy.commonSuperClass(type1, type2);
    }
}
