package org.stmagent.runtime.core;

import java.util.Arrays;

/**
 * The monitors whose converted {@code synchronized} regions the transaction is inside, counted
 * with reentrancy, so {@code wait} and {@code notify} know whether the thread "owns" a monitor.
 */
public final class HeldMonitors {
    private Object[] stack = new Object[8];
    private int depth;

    public void enter(Object monitor) {
        if (monitor == null) {
            throw new NullPointerException("Cannot enter synchronized block because the monitor is null");
        }
        if (depth == stack.length) {
            stack = Arrays.copyOf(stack, depth * 2);
        }
        stack[depth++] = monitor;
    }

    public void exit(Object monitor) {
        int top = depth - 1;
        if (top >= 0 && stack[top] == monitor) {
            stack[top] = null; // the common case: regions nest
            depth = top;
            return;
        }
        for (int i = top - 1; i >= 0; i--) {
            if (stack[i] == monitor) {
                System.arraycopy(stack, i + 1, stack, i, depth - i - 1);
                stack[--depth] = null;
                return;
            }
        }
        throw new IllegalMonitorStateException("monitor exit without matching enter");
    }

    /** Whether {@code monitor} is the first monitor the transaction entered. */
    boolean isOutermost(Object monitor) {
        return depth > 0 && stack[0] == monitor;
    }

    public boolean holds(Object monitor) {
        for (int i = depth - 1; i >= 0; i--) {
            if (stack[i] == monitor) {
                return true;
            }
        }
        return false;
    }

    /** Whether a monitor other than {@code except} is held (any monitor, with {@code except} null). */
    boolean holdsOtherThan(Object except) {
        for (int i = 0; i < depth; i++) {
            if (stack[i] != except) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code orec} is the signal orec of a held monitor other than {@code except}. */
    boolean holdsSignalOrec(int orec, Object except) {
        for (int i = 0; i < depth; i++) {
            if (stack[i] != except && Orecs.monitorIndex(stack[i]) == orec) {
                return true;
            }
        }
        return false;
    }

    void clear() {
        if (depth > 0) {
            Arrays.fill(stack, 0, depth, null);
            depth = 0;
        }
    }
}
