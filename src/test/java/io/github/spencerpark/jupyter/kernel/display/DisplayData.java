package io.github.spencerpark.jupyter.kernel.display;

import java.util.LinkedHashMap;
import java.util.Map;

/** Test stand-in: MIME type → data, and output metadata, with the methods the real class has. */
public final class DisplayData {
    public final Map<String, Object> data = new LinkedHashMap<>();
    public final Map<String, Object> metadata = new LinkedHashMap<>();

    public void putHTML(String html) {
        data.put("text/html", html);
    }

    public void putText(String text) {
        data.put("text/plain", text);
    }

    public void putData(String mimeType, Object value) {
        data.put(mimeType, value);
    }

    public void putMetaData(String key, Object value) {
        metadata.put(key, value);
    }
}
