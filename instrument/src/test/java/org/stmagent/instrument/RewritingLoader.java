package org.stmagent.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Loads the fixture classes rewritten, child first; everything else (the runtime, JUnit, classes the
 * policy excludes) from the parent. The JVM verifies every class this loader defines.
 */
final class RewritingLoader extends ClassLoader {
    static final String FIXTURES = "org/stmagent/fixtures/";
    static final Predicate<String> INCLUDED =
            n -> n.startsWith(FIXTURES) && !n.equals(FIXTURES + "ExternalRecorder");

    private final Instrumenter instrumenter;
    final Map<String, byte[]> rewritten = new ConcurrentHashMap<>();

    RewritingLoader(RewritePolicy policy) {
        super("rewriting", RewritingLoader.class.getClassLoader());
        this.instrumenter = new Instrumenter(policy);
    }

    RewritingLoader() {
        this(RewritePolicy.of(INCLUDED));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        String internal = name.replace('.', '/');
        if (!INCLUDED.test(internal)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] original = original(internal);
                byte[] bytes;
                try {
                    bytes = instrumenter.rewrite(original, getParent());
                } catch (RewriteException e) {
                    throw new ClassNotFoundException(name + " could not be rewritten", e);
                }
                rewritten.put(internal, bytes);
                c = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    static byte[] original(String internalName) {
        try (InputStream in = RewritingLoader.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
            if (in == null) {
                throw new IllegalArgumentException("no class file for " + internalName);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Class<?> fixture(String simpleName) {
        try {
            return loadClass(FIXTURES.replace('/', '.') + simpleName);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    Set<String> rewrittenNames() {
        return rewritten.keySet();
    }

    /** Calls the public method {@code name} with {@code args.length} parameters; unwraps its exception. */
    static Object call(Object target, String name, Object... args) throws Throwable {
        Class<?> type = target instanceof Class<?> c ? c : target.getClass();
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(target instanceof Class<?> ? null : target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name + "/" + args.length);
    }

    static Object create(Class<?> type, Object... args) throws Exception {
        for (var c : type.getConstructors()) {
            if (c.getParameterCount() == args.length) {
                return c.newInstance(args);
            }
        }
        throw new NoSuchMethodException(type.getName() + ".<init>/" + args.length);
    }
}
