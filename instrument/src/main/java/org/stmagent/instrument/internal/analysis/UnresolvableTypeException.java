package org.stmagent.instrument.internal.analysis;

/** A class file needed for a hierarchy answer was not found. */
public final class UnresolvableTypeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String typeName;

    UnresolvableTypeException(String typeName) {
        super("class file not found: " + typeName.replace('/', '.'));
        this.typeName = typeName;
    }

    public String typeName() {
        return typeName;
    }
}
