package org.stmagent.instrument.internal.analysis;

import org.objectweb.asm.ClassWriter;

/** Computes frames with hierarchy answers read from class files instead of loaded classes. */
public final class FrameClassWriter extends ClassWriter {
    private final TypeHierarchy hierarchy;

    public FrameClassWriter(TypeHierarchy hierarchy) {
        super(COMPUTE_FRAMES);
        this.hierarchy = hierarchy;
    }

    @Override
    protected String getCommonSuperClass(String type1, String type2) {
        return hierarchy.commonSuperClass(type1, type2);
    }
}
