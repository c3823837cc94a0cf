package org.rapaio.jupyter.kernel.display;

import java.util.LinkedHashMap;
import java.util.Map;

/** Test stand-in: Rapaio's output, with the methods the real class has. */
public class DisplayData {
    private final Map<String, Object> data = new LinkedHashMap<>();
    private final Map<String, Object> metadata = new LinkedHashMap<>();

    public static DisplayData withType(String mimeType, String value) {
        DisplayData d = new DisplayData();
        d.putData(mimeType, value);
        return d;
    }

    public Map<String, Object> data() {
        return data;
    }

    public Map<String, Object> metadata() {
        return metadata;
    }

    public void putData(String mimeType, Object value) {
        data.put(mimeType, value);
    }

    public void putMetaData(String key, Object value) {
        metadata.put(key, value);
    }
}
