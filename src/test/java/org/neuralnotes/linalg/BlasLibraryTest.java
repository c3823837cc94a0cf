package org.neuralnotes.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

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
}
