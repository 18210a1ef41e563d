package org.stmagent.instrument.internal.rewrite;

import java.util.List;

import org.objectweb.asm.tree.AnnotationNode;

/**
 * The options of an atomic method, read from its {@code @Atomic} annotation (or an alias with the
 * same element names): the retry limit and failure atomicity. A {@code synchronized} method has the
 * defaults.
 */
record AtomicOptions(int retries, boolean rollbackOnException) {
    static final AtomicOptions DEFAULT = new AtomicOptions(Integer.MAX_VALUE, false);

    /** The options an annotation gives; elements it does not set keep their defaults. */
    static AtomicOptions of(AnnotationNode annotation) {
        int retries = DEFAULT.retries;
        boolean rollback = DEFAULT.rollbackOnException;
        List<Object> values = annotation == null || annotation.values == null ? List.of() : annotation.values;
        for (int i = 0; i + 1 < values.size(); i += 2) {
            Object value = values.get(i + 1);
            if ("retries".equals(values.get(i)) && value instanceof Integer n) {
                retries = Math.max(0, n);
            } else if ("rollbackOnException".equals(values.get(i)) && value instanceof Boolean b) {
                rollback = b;
            }
        }
        return new AtomicOptions(retries, rollback);
    }

    boolean isDefault() {
        return equals(DEFAULT);
    }
}
