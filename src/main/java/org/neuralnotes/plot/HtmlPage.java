package org.neuralnotes.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import tech.tablesaw.plotly.components.Figure;

/**
 * A standalone HTML page of figures that opens offline: plotly.js is inlined once, no
 * script or style comes from the network. Unlike Tablesaw's own page it never loads
 * plotly from a CDN.
 */
public final class HtmlPage {
    private HtmlPage() {}

    /** The page's HTML: a heading, then each figure (or group of figures) in order. */
    public static String of(String title, List<?> items) {
        if (title == null) {
            throw new IllegalArgumentException("title: expected a string, found null");
        }
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("items: expected at least one figure, found "
                    + (items == null ? "null" : "an empty list"));
        }
        RenderState state = new RenderState();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item instanceof Figure f) {
                body.append(FigureHtml.fragment(f, state));
            } else if (item instanceof FigureGroup g) {
                body.append(g.html(state));
            } else {
                throw new IllegalArgumentException("items: expected Tablesaw figures or FigureGroups, found "
                        + (item == null ? "null" : item.getClass().getName()) + " at index " + i);
            }
        }
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>" + Text.html(title) + "</title>\n"
                + "<style>body{font-family:sans-serif;margin:1.5em}"
                + ".neuralnotes-plot{margin:1em 0;break-inside:avoid}"
                + "@media print{.modebar-container{display:none!important}}</style>\n"
                + "</head>\n<body>\n<h1>" + Text.html(title) + "</h1>\n"
                + body
                + "</body>\n</html>\n";
    }

    /** Writes {@link #of} to a file (parent directories are created) and returns the path. */
    public static Path write(Path file, String title, List<?> items) {
        String html = of(title, items);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
