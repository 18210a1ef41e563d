package org.stmagent.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link ClassFileLocator} over a class loader's resources, with a small cache. */
final class ClassLoaderLocator implements ClassFileLocator {
    private static final int CACHE_SIZE = 256;
    private static final byte[] ABSENT = new byte[0];

    private final WeakReference<ClassLoader> loader;
    private final boolean bootstrap;
    private final Map<String, byte[]> cache = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    ClassLoaderLocator(ClassLoader loader) {
        this.loader = new WeakReference<>(loader);
        this.bootstrap = loader == null;
    }

    @Override
    public byte[] find(String internalName) {
        synchronized (cache) {
            byte[] cached = cache.get(internalName);
            if (cached != null) {
                return cached == ABSENT ? null : cached;
            }
        }
        byte[] bytes = read(internalName + ".class");
        synchronized (cache) {
            cache.put(internalName, bytes == null ? ABSENT : bytes);
        }
        return bytes;
    }

    private byte[] read(String resource) {
        ClassLoader cl = bootstrap ? ClassLoader.getSystemClassLoader() : loader.get();
        if (cl == null) {
            return null;
        }
        try (InputStream in = cl.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
