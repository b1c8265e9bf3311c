package org.knead.api.site;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * A search snippet as text parts, some marked. The index sends HTML-escaped text in which only
 * {@code <mark>} tags are markup; the page never inserts it as HTML but renders each part as text
 * (escaped again by the template), so nothing else can ever become markup.
 */
record Snippet(List<Part> parts) {

    private static final Pattern MARK = Pattern.compile("<mark>(.*?)</mark>", Pattern.DOTALL);

    /** A piece of text, highlighted when {@code marked}. */
    record Part(String text, boolean marked) {
    }

    static Snippet of(String escaped) {
        List<Part> parts = new ArrayList<>();
        if (escaped == null) {
            return new Snippet(parts);
        }
        Matcher m = MARK.matcher(escaped);
        int at = 0;
        while (m.find()) {
            add(parts, escaped.substring(at, m.start()), false);
            add(parts, m.group(1), true);
            at = m.end();
        }
        add(parts, escaped.substring(at), false);
        return new Snippet(parts);
    }

    private static void add(List<Part> parts, String escaped, boolean marked) {
        if (!escaped.isEmpty()) {
            parts.add(new Part(HtmlUtils.htmlUnescape(escaped.replace("<mark>", "").replace("</mark>", "")), marked));
        }
    }
}
