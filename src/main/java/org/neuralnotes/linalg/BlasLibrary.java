package org.neuralnotes.linalg;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the native OpenBLAS that {@link BlasEngine} uses, before anything is loaded (the
 * JNI bridge can try only one library per JVM, so it must be told a file that exists).
 *
 * <p>Order: (1) a library named by the user with the system property
 * {@code dev.ludovic.netlib.blas.nativeLibPath} (respected as is); (2) the system's OpenBLAS
 * in the usual places (on Debian/Ubuntu: {@code apt-get install libopenblas0-pthread}, which
 * {@code make blas} does); the first found is passed to the bridge through that property.
 */
final class BlasLibrary {
    /** The property through which dev.ludovic.netlib is told which library to open. */
    static final String PATH_PROPERTY = "dev.ludovic.netlib.blas.nativeLibPath";

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
}
