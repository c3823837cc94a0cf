package org.neuralnotes.linalg;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;

/**
 * Finds the native OpenBLAS that {@link BlasEngine} uses, before anything is loaded (the
 * JNI bridge of {@code dev.ludovic.netlib} opens one library per JVM, the file named by its
 * system property {@code dev.ludovic.netlib.blas.nativeLibPath}).
 *
 * <p>One route: the OpenBLAS inside the {@code org.bytedeco:openblas} jar for this platform, a
 * Maven dependency of the library (Maven Central; nothing to compile or install). Its three
 * files ({@code libopenblas.so.0} with {@code libgfortran.so.5} and {@code libquadmath.so.0})
 * are copied out of the jar once into a folder of the project, {@code target/native/<jar name>/}
 * beside the library's own classes or jar (the {@code target/} folder that {@code target/classes}
 * or {@code target/neuralnotes-<version>.jar} is in), or into the folder named by the system
 * property {@code neuralnotes.blas.dir}; then they are loaded from there. A library loaded from
 * anywhere else than a {@code target/} folder needs that property, and otherwise uses the plain
 * engine, saying why.
 *
 * <p>A library path the user gives netlib directly ({@code -Ddev.ludovic.netlib.blas.nativeLibPath=…})
 * is netlib's own setting and is respected as is.
 */
final class BlasLibrary {
    /** The property through which dev.ludovic.netlib is told which library to open. */
    static final String PATH_PROPERTY = "dev.ludovic.netlib.blas.nativeLibPath";
    /** The folder the jar's libraries are copied into (default: target/native/&lt;jar name&gt;). */
    static final String DIR_PROPERTY = "neuralnotes.blas.dir";
    /** The Maven coordinates, for messages. */
    static final String ARTIFACT = "org.bytedeco:openblas";

    /** The bundled library's runtime dependencies, loaded first, then the library itself. */
    private static final String[] BUNDLED_FILES = {
        "libquadmath.so.0", "libgfortran.so.5", "libopenblas.so.0",
    };

    private BlasLibrary() {}

    /**
     * The absolute path of the library to use; sets {@link #PATH_PROPERTY} to it when the user
     * had not.
     *
     * @throws IllegalStateException when it cannot be used, saying why
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
        String platform = arch.equals("amd64") ? "linux-x86_64" : "linux-arm64";
        String bundled;
        try {
            bundled = bundled(platform);
        } catch (IOException | RuntimeException | LinkageError e) {
            throw new IllegalStateException("native BLAS: could not copy or load the OpenBLAS of the "
                    + ARTIFACT + ":" + platform + " jar (" + e + ")", e);
        }
        if (bundled == null) {
            throw new IllegalStateException("native BLAS: the " + ARTIFACT + ":" + platform
                    + " jar is not on the classpath (the pom brings it for linux-x86_64)");
        }
        System.setProperty(PATH_PROPERTY, bundled);
        return bundled;
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
        Path dir = nativeDir(System.getProperty(DIR_PROPERTY), codeLocation())
                .resolve(jarName(library.toString(), platform));
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

    /** Where the library's classes come from: target/classes or target/neuralnotes-….jar; null if unknown. */
    private static Path codeLocation() {
        CodeSource source = BlasLibrary.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            return Paths.get(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The folder the jar's libraries are copied into: {@code given} (the property
     * {@code neuralnotes.blas.dir}) when set, else {@code native/} in the {@code target/} folder
     * that holds {@code code} (the library's classes folder or jar).
     *
     * @throws IllegalStateException when neither applies
     */
    static Path nativeDir(String given, Path code) {
        if (given != null && !given.isBlank()) {
            return Paths.get(given).toAbsolutePath();
        }
        Path build = code == null ? null : code.toAbsolutePath().getParent();
        if (build != null && build.getFileName() != null
                && build.getFileName().toString().equals("target")) {
            return build.resolve("native");
        }
        throw new IllegalStateException("the library is loaded from " + code + ", not from a"
                + " project's target/ folder: name the folder for its OpenBLAS with -D"
                + DIR_PROPERTY + "=/path/to/folder");
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
