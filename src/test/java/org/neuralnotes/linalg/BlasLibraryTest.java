package org.neuralnotes.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlasLibraryTest {
    @Test
    void theCacheDirectoryIsNamedAfterTheJarSoVersionsDoNotMix() {
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
    void theBridgeIsFoundOnlyWhereTheBuildScriptPutsIt(@TempDir Path cache) throws IOException {
        assertNull(BlasLibrary.bridge(cache));
        Path folder = Files.createDirectories(cache.resolve("scipy-openblas"));
        assertNull(BlasLibrary.bridge(cache));
        // a folder of that name is not the library
        Files.createDirectories(folder.resolve("libneuralnotes_blas.so"));
        assertNull(BlasLibrary.bridge(cache));
        Files.delete(folder.resolve("libneuralnotes_blas.so"));
        Path library = Files.createFile(folder.resolve("libneuralnotes_blas.so"));
        assertEquals(library.toAbsolutePath(), BlasLibrary.bridge(cache));
    }

    @Test
    void theDefaultEngineUsesTheBridgeExactlyWhenItHasBeenBuilt() {
        // this JVM names no library itself, so the order of BlasLibrary decides
        Path bridge = BlasLibrary.bridge(BlasLibrary.cacheRoot());
        String engine = Products.engineName();
        if (bridge != null) {
            assertEquals("blas (" + bridge + ")", engine);
        } else {
            assertFalse(engine.contains("libneuralnotes_blas"), engine);
            assertTrue(engine.startsWith("blas (") || engine.startsWith("plain"), engine);
        }
    }
}
