package org.stmagent.agent;

import java.util.ArrayList;
import java.util.List;

/** Keeps every event as one line, for tests. */
final class RecordingListener implements TransformListener {
    final List<String> events = new ArrayList<>();

    @Override
    public void onRewritten(String className, int originalSize, int rewrittenSize) {
        events.add("rewritten " + className + " " + originalSize + "->" + rewrittenSize);
    }

    @Override
    public void onUnchanged(String className) {
        events.add("unchanged " + className);
    }

    @Override
    public void onSkipped(String className, String reason) {
        events.add("skipped " + className + " " + reason);
    }

    @Override
    public void onError(String className, Throwable error) {
        events.add("error " + className + " " + error.getMessage());
    }

    @Override
    public void onWarning(String message) {
        events.add("warning " + message);
    }
}
