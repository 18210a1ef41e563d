package org.stmagent.agent;

import java.util.LinkedHashSet;
import java.util.Set;

import org.stmagent.instrument.Instrumenter;
import org.stmagent.instrument.MonitorMode;
import org.stmagent.instrument.RewritePolicy;
import org.stmagent.runtime.stats.Sites;

/** Builds the rewriter the transformer uses, from the options that shape the rewriting. */
final class Rewriters {
    private Rewriters() {
    }

    static ClassFileRewriter create(AgentOptions options, ClassNamePatterns selection) {
        Instrumenter instrumenter = new Instrumenter(policy(options, selection));
        return (classFile, loader) -> instrumenter.rewrite(classFile, loader);
    }

    /** The rewriter's view of the options: the same selection the transformer applies. */
    static RewritePolicy policy(AgentOptions options, ClassNamePatterns selection) {
        Set<String> annotations = new LinkedHashSet<>();
        for (String name : options.getAnnotations()) {
            annotations.add("L" + name.replace('.', '/') + ";");
        }
        MonitorMode monitors = options.getMonitors() == MonitorsOption.LOCK
                ? MonitorMode.LOCK
                : MonitorMode.TRANSACTION;
        return new RewritePolicy(monitors, annotations,
                internalName -> selection.matches(internalName.replace('/', '.')), options.getPureMethods(),
                Sites::register, options.isCollections());
    }
}
