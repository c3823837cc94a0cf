package org.neuralnotes.widgets;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The comm channel of the Jupyter messaging protocol, as widgets use it: open a comm to a target,
 * send it messages, close it. The kernel's comms ({@link KernelComms}) are one transport; tests use
 * one that records the messages.
 *
 * <p>Message data travel as JSON text: {@code data} of {@code comm_open} and {@code comm_msg}.
 */
public interface CommTransport {
    /**
     * Opens a comm: {@code comm_open} to {@code target} with this data and metadata. Every
     * {@code comm_msg} the front end sends on it goes to {@code inbox} as the JSON text of its data;
     * when the front end closes it, {@code inbox} receives null.
     */
    Comm open(String commId, String target, String dataJson, Map<String, Object> metadata,
            Consumer<String> inbox);

    /** One open comm. */
    interface Comm {
        /** A {@code comm_msg} with this data. */
        void send(String dataJson);

        /** A {@code comm_close}. */
        void close();
    }
}
