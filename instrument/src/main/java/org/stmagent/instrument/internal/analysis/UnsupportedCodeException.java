package org.stmagent.instrument.internal.analysis;

/** Bytecode the rewriter does not convert (e.g. monitors not paired the way compilers pair them). */
public final class UnsupportedCodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedCodeException(String message) {
        super(message);
    }
}
