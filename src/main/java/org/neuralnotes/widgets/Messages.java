package org.neuralnotes.widgets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON data of the widget messages (none of our controls sends binary buffers). */
final class Messages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Messages() {}

    /** comm_open data: {"state": state, "buffer_paths": []}. */
    static String open(Map<String, Object> state) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("state", state);
        data.put("buffer_paths", List.of());
        return write(data);
    }

    /** {"method": method, "state": state, "buffer_paths": []}, method "update" or "echo_update". */
    static String update(String method, Map<String, Object> state) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("method", method);
        data.put("state", state);
        data.put("buffer_paths", List.of());
        return write(data);
    }

    /** {"method": "custom", "content": content}. */
    static String custom(Map<String, Object> content) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("method", "custom");
        data.put("content", content);
        return write(data);
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value: expected JSON values only, found " + value, e);
        }
    }

    static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("message: expected a JSON object, found " + json, e);
        }
    }
}
