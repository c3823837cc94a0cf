package org.neuralnotes.plot;

/**
 * A piece of HTML with a plain-text alternative, shown as HTML in a notebook
 * ({@code display(out)} or as a cell's result) and as its text elsewhere.
 */
public final class HtmlOutput {
    static {
        Notebook.install();
    }

    private final String html;
    private final String text;

    /** HTML to show, and the text shown where HTML cannot be. */
    public HtmlOutput(String html, String text) {
        if (html == null) {
            throw new IllegalArgumentException("html: expected a string, found null");
        }
        if (text == null) {
            throw new IllegalArgumentException("text: expected a string, found null");
        }
        this.html = html;
        this.text = text;
    }

    /** The HTML. */
    public String html() {
        return html;
    }

    /** The plain text. */
    @Override
    public String toString() {
        return text;
    }
}
