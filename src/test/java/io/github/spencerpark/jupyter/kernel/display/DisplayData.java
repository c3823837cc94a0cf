package io.github.spencerpark.jupyter.kernel.display;

import java.util.LinkedHashMap;
import java.util.Map;

/** Test stand-in: MIME type → data. */
public final class DisplayData {
    public final Map<String, String> data = new LinkedHashMap<>();

    public void putHTML(String html) {
        data.put("text/html", html);
    }

    public void putText(String text) {
        data.put("text/plain", text);
    }
}
