package org.neuralnotes.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class BlasLibraryTest {
    @Test
    void theFolderIsNamedAfterTheJarSoVersionsDoNotMix() {
        assertEquals("openblas-0.3.31-1.5.13-linux-x86_64", BlasLibrary.jarName(
                "jar:file:/home/u/.m2/repository/org/bytedeco/openblas/0.3.31-1.5.13/"
                        + "openblas-0.3.31-1.5.13-linux-x86_64.jar!/org/bytedeco/openblas/"
                        + "linux-x86_64/libopenblas.so.0", "linux-x86_64"));
        // not from a jar (e.g. an unpacked directory): a fixed name per platform
        assertEquals("openblas-linux-arm64", BlasLibrary.jarName(
                "file:/tmp/classes/org/bytedeco/openblas/linux-arm64/libopenblas.so.0",
                "linux-arm64"));
    }

    @Test
    void theLibrariesGoToTheTargetFolderTheLibraryIsLoadedFrom() {
        // mvn test, the benchmarks: target/classes; the kernels: target/neuralnotes-<version>.jar
        assertEquals(Paths.get("/p/target/native"),
                BlasLibrary.nativeDir(null, Paths.get("/p/target/classes")));
        assertEquals(Paths.get("/p/target/native"),
                BlasLibrary.nativeDir("", Paths.get("/p/target/neuralnotes-0.1.0.jar")));
        // the property wins
        assertEquals(Paths.get("/elsewhere/blas"),
                BlasLibrary.nativeDir("/elsewhere/blas", Paths.get("/p/target/classes")));
        // anywhere else (a jar in a Maven repository) only with the property
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BlasLibrary.nativeDir(
                null, Paths.get("/home/u/.m2/repository/org/neuralnotes/neuralnotes/0.1.0/neuralnotes-0.1.0.jar")));
        assertTrue(e.getMessage().contains("-D" + BlasLibrary.DIR_PROPERTY + "="), e.getMessage());
        assertThrows(IllegalStateException.class, () -> BlasLibrary.nativeDir(null, null));
    }

    @Test
    void theDefaultEngineIsTheJarsOpenBlasCopiedUnderTarget() {
        String engine = Products.engineName();
        if (engine.startsWith("blas (")) {
            // this JVM (mvn test) names no library itself and runs from target/test-classes
            Path library = Paths.get(engine.substring("blas (".length(), engine.length() - 1));
            assertEquals("libopenblas.so.0", library.getFileName().toString(), engine);
            assertTrue(library.getParent().getFileName().toString().startsWith("openblas-"), engine);
            assertEquals(Paths.get("target", "native").toAbsolutePath(), library.getParent().getParent(), engine);
        } else {
            assertTrue(engine.startsWith("plain"), Products.engineStatus());
        }
    }
}
