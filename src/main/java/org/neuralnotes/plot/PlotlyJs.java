package org.neuralnotes.plot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The plotly.js bundle, taken from the Maven Central webjar {@code org.webjars.npm:plotly.js-dist}
 * on the classpath (its version is pinned in the project's pom), and the inline script that
 * loads it into a page.
 *
 * <p>The script is written so that it works in every page we produce:
 * <ul>
 *   <li>it is inline (no {@code <script src>}): no network, no CDN, and JupyterLab runs it
 *       synchronously when it inserts trusted output;</li>
 *   <li>the UMD bundle runs inside a function whose {@code define}, {@code module} and
 *       {@code exports} are undefined, so it sets {@code window.Plotly} even when RequireJS is
 *       on the page (nbconvert's HTML templates load RequireJS);</li>
 *   <li>it does nothing if plotly is already loaded, and afterwards draws the figures whose
 *       scripts ran before it (they wait in {@code window.neuralnotesPending}).</li>
 * </ul>
 */
public final class PlotlyJs {
    private static final String WEBJAR = "META-INF/resources/webjars/plotly.js-dist/";
    private static final String POM = "META-INF/maven/org.webjars.npm/plotly.js-dist/pom.properties";

    private static String version;
    private static String source;

    private PlotlyJs() {}

    /** The version of plotly.js on the classpath, for example "2.35.3". */
    public static synchronized String version() {
        if (version == null) {
            Properties p = new Properties();
            try (InputStream in = open(POM)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + POM, e);
            }
            version = p.getProperty("version");
            if (version == null) {
                throw new IllegalStateException(POM + " names no version");
            }
        }
        return version;
    }

    /** The plotly.js bundle itself (about 10 MB of JavaScript). */
    public static synchronized String source() {
        if (source == null) {
            String path = WEBJAR + version() + "/plotly.js";
            try (InputStream in = open(path)) {
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
            String lower = source.toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("</script") || lower.contains("<!--")) {
                throw new IllegalStateException("plotly.js " + version
                        + " contains '</script' or '<!--' and cannot be inlined as it is");
            }
        }
        return source;
    }

    /** The {@code <script>} element that loads plotly.js into a page, at most once. */
    public static String loaderScript() {
        return "<script>/* plotly.js " + version() + " (MIT), inlined by neuralnotes */\n"
                + "(function () {\n"
                + "if (!window.Plotly) {\n"
                + "(function (define, module, exports) {\n"
                + source()
                + "\n}).call(window);\n"
                + "}\n"
                + "var pending = window.neuralnotesPending || [];\n"
                + "window.neuralnotesPending = [];\n"
                + "pending.forEach(function (draw) { draw(); });\n"
                + "})();\n</script>\n";
    }

    private static InputStream open(String path) {
        InputStream in = PlotlyJs.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is not on the classpath: the webjar "
                    + "org.webjars.npm:plotly.js-dist must be a dependency");
        }
        return in;
    }
}
