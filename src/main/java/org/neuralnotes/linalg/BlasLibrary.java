package org.neuralnotes.linalg;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the native OpenBLAS that {@link BlasEngine} uses, before anything is loaded (the
 * JNI bridge can try only one library per JVM, so it must be told a file that exists).
 *
 * <p>Order:
 * <ol>
 *   <li>a library named by the user with the system property
 *       {@code dev.ludovic.netlib.blas.nativeLibPath}, respected as is;</li>
 *   <li>the OpenBLAS build that numpy ships (the {@code scipy-openblas32} wheel), behind the
 *       bridge {@code libneuralnotes_blas.so} that gives its functions the names the JNI code looks
 *       up, when {@code tools/blas/build-bridge.sh} ({@code make lib}) has built it in
 *       {@code ~/.cache/neuralnotes/scipy-openblas/} (or under {@code neuralnotes.cache} or
 *       {@code $NEURALNOTES_CACHE});
 *       skipped with {@code -Dneuralnotes.blas.bridge=false};</li>
 *   <li>the OpenBLAS shipped inside the {@code org.bytedeco:openblas} jar for this platform,
 *       when that jar is on the classpath (a Maven dependency of the library): copied once into
 *       {@code ~/.cache/neuralnotes/<jar name>/} (or the directory in the system property
 *       {@code neuralnotes.cache}) and loaded from there;</li>
 *   <li>the system's OpenBLAS in the usual places (Debian/Ubuntu:
 *       {@code apt-get install libopenblas0-pthread}, which {@code make blas} does).</li>
 * </ol>
 * The path found is passed to the bridge through {@code dev.ludovic.netlib.blas.nativeLibPath}.
 */
final class BlasLibrary {
    /** The property through which dev.ludovic.netlib is told which library to open. */
    static final String PATH_PROPERTY = "dev.ludovic.netlib.blas.nativeLibPath";
    /** Where the bundled library is copied to (default ~/.cache/neuralnotes). */
    static final String CACHE_PROPERTY = "neuralnotes.cache";
    /** The same, from the environment, when the property is not set. */
    static final String CACHE_VARIABLE = "NEURALNOTES_CACHE";
    /** "false" leaves out the bridge to numpy's OpenBLAS build. */
    static final String BRIDGE_PROPERTY = "neuralnotes.blas.bridge";
    /** The folder under the cache where tools/blas/build-bridge.sh puts the bridge. */
    static final String BRIDGE_DIR = "scipy-openblas";
    static final String BRIDGE_FILE = "libneuralnotes_blas.so";

    private static final String[] SYSTEM_CANDIDATES = {
        "/usr/lib/x86_64-linux-gnu/libopenblas.so.0",
        "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0",
        "/usr/lib/x86_64-linux-gnu/openblas-openmp/libopenblas.so.0",
        "/usr/lib/aarch64-linux-gnu/libopenblas.so.0",
        "/usr/lib/aarch64-linux-gnu/openblas-pthread/libopenblas.so.0",
        "/usr/lib64/libopenblasp.so.0",
        "/usr/lib64/libopenblas.so.0",
        "/usr/lib/libopenblas.so.0",
        "/usr/local/lib/libopenblas.so.0",
    };

    /** The bundled library's runtime dependencies, loaded first, then the library itself. */
    private static final String[] BUNDLED_FILES = {
        "libquadmath.so.0", "libgfortran.so.5", "libopenblas.so.0",
    };

    private BlasLibrary() {}

    /**
     * The absolute path of the library to use; sets {@link #PATH_PROPERTY} to it when the user
     * had not.
     *
     * @throws IllegalStateException when none is found, naming what was tried
     */
    static synchronized String locate() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        if (!os.startsWith("Linux") || !(arch.equals("amd64") || arch.equals("aarch64"))) {
            throw new IllegalStateException("native BLAS: dev.ludovic.netlib ships its bridge for"
                    + " Linux amd64/aarch64 only, found " + os + " " + arch);
        }
        String given = System.getProperty(PATH_PROPERTY);
        if (given != null && !given.isBlank()) {
            if (!new File(given).isFile()) {
                throw new IllegalStateException("native BLAS: " + PATH_PROPERTY + " = " + given
                        + " is not a file");
            }
            return given;
        }
        List<String> tried = new ArrayList<>();
        if (!"false".equalsIgnoreCase(System.getProperty(BRIDGE_PROPERTY, "true"))) {
            Path bridge = bridge(cacheRoot());
            if (bridge != null) {
                System.setProperty(PATH_PROPERTY, bridge.toString());
                return bridge.toString();
            }
            tried.add(cacheRoot().resolve(BRIDGE_DIR).resolve(BRIDGE_FILE)
                    + " (not built: tools/blas/build-bridge.sh)");
        }
        String platform = arch.equals("amd64") ? "linux-x86_64" : "linux-arm64";
        try {
            String bundled = bundled(platform);
            if (bundled != null) {
                System.setProperty(PATH_PROPERTY, bundled);
                return bundled;
            }
            tried.add("org.bytedeco:openblas:" + platform + " jar (not on the classpath)");
        } catch (IOException | RuntimeException | LinkageError e) {
            tried.add("org.bytedeco:openblas:" + platform + " jar (" + e + ")");
        }
        for (String candidate : SYSTEM_CANDIDATES) {
            tried.add(candidate);
            if (new File(candidate).isFile()) {
                System.setProperty(PATH_PROPERTY, candidate);
                return candidate;
            }
        }
        throw new IllegalStateException("native BLAS: no OpenBLAS found (tried " + tried
                + "); install it with 'apt-get install libopenblas0-pthread' (make blas)"
                + " or name a library with -D" + PATH_PROPERTY + "=/path/to/libopenblas.so.0");
    }

    /**
     * The bridge to numpy's OpenBLAS build under the cache folder {@code root}, or null when it
     * has not been built there.
     */
    static Path bridge(Path root) {
        Path library = root.resolve(BRIDGE_DIR).resolve(BRIDGE_FILE);
        return Files.isRegularFile(library) ? library.toAbsolutePath() : null;
    }

    /**
     * Copies the OpenBLAS of the org.bytedeco:openblas jar out of the classpath (once; a copy of
     * the right size is reused) and loads its dependencies, which it finds by name only.
     *
     * @return the path of libopenblas.so.0, or null when the jar is not on the classpath
     */
    private static String bundled(String platform) throws IOException {
        String base = "org/bytedeco/openblas/" + platform + "/";
        ClassLoader loader = BlasLibrary.class.getClassLoader();
        URL library = loader.getResource(base + "libopenblas.so.0");
        if (library == null) {
            return null;
        }
        Path dir = cacheRoot().resolve(jarName(library.toString(), platform));
        Files.createDirectories(dir);
        Path target = null;
        for (String name : BUNDLED_FILES) {
            URL url = loader.getResource(base + name);
            if (url == null) {
                continue;
            }
            target = extract(url, dir.resolve(name));
            // loaded by absolute path now, so that the next one finds it by its name
            System.load(target.toString());
        }
        return target == null ? null : target.toString();
    }

    /**
     * The folder for native libraries: the property {@code neuralnotes.cache}, else the
     * environment variable {@code NEURALNOTES_CACHE} (which tools/blas/build-bridge.sh reads
     * too), else ~/.cache/neuralnotes, else a folder under java.io.tmpdir when home is read-only.
     */
    static Path cacheRoot() {
        String given = System.getProperty(CACHE_PROPERTY);
        if (given == null || given.isBlank()) {
            given = System.getenv(CACHE_VARIABLE);
        }
        if (given != null && !given.isBlank()) {
            return Paths.get(given);
        }
        Path home = Paths.get(System.getProperty("user.home", "."), ".cache", "neuralnotes");
        if (Files.isWritable(home) || (!Files.exists(home) && home.getParent() != null
                && (Files.isWritable(home.getParent()) || !Files.exists(home.getParent())))) {
            return home;
        }
        return Paths.get(System.getProperty("java.io.tmpdir"),
                "neuralnotes-" + System.getProperty("user.name", "user"));
    }

    /** "openblas-0.3.31-1.5.13-linux-x86_64" from "jar:file:/…/openblas-….jar!/…". */
    static String jarName(String url, String platform) {
        int bang = url.indexOf("!/");
        if (bang > 0) {
            String jar = url.substring(url.lastIndexOf('/', bang) + 1, bang);
            if (jar.endsWith(".jar")) {
                return jar.substring(0, jar.length() - 4);
            }
        }
        return "openblas-" + platform;
    }

    /** Copies the resource to target unless a file of the same size is there already. */
    private static Path extract(URL url, Path target) throws IOException {
        URLConnection connection = url.openConnection();
        long size = connection.getContentLengthLong();
        if (Files.isRegularFile(target) && size >= 0 && Files.size(target) == size) {
            return target;
        }
        // write beside, then rename, so that a JVM starting at the same time never sees half
        Path part = Files.createTempFile(target.getParent(), target.getFileName().toString(),
                ".part");
        try (InputStream in = connection.getInputStream()) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
        return target;
    }
}
