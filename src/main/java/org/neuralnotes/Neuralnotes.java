package org.neuralnotes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about the library itself. */
public final class Neuralnotes {
    private Neuralnotes() {}

    /** The library's version, as the build wrote it into the jar. */
    public static String version() {
        try (InputStream in = Neuralnotes.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
