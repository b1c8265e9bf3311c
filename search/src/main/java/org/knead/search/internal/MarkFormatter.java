package org.knead.search.internal;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/** Formats highlighted passages as HTML-escaped text in which only {@code <mark>} is markup. */
public final class MarkFormatter extends PassageFormatter {

    static final String ELLIPSIS = "… ";

    @Override
    public String format(Passage[] passages, String content) {
        StringBuilder sb = new StringBuilder();
        int pos = 0;
        for (Passage passage : passages) {
            if (passage.getStartOffset() > pos || (sb.length() == 0 && passage.getStartOffset() > 0)) {
                if (sb.length() > 0 || passage.getStartOffset() > 0) {
                    sb.append(ELLIPSIS);
                }
            }
            pos = passage.getStartOffset();
            for (int i = 0; i < passage.getNumMatches(); i++) {
                int start = passage.getMatchStarts()[i];
                int end = passage.getMatchEnds()[i];
                if (start > pos) {
                    escape(sb, content, pos, start);
                }
                if (end > pos) {
                    sb.append("<mark>");
                    escape(sb, content, Math.max(pos, start), end);
                    sb.append("</mark>");
                    pos = end;
                }
            }
            escape(sb, content, pos, Math.max(pos, passage.getEndOffset()));
            pos = passage.getEndOffset();
        }
        return sb.toString().strip();
    }

    /** HTML-escapes a whole text. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        escape(sb, text, 0, text.length());
        return sb.toString();
    }

    static void escape(StringBuilder sb, String content, int start, int end) {
        int stop = Math.min(end, content.length());
        int run = start; // the characters from here on need no escaping: appended together
        for (int i = start; i < stop; i++) {
            char c = content.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? " " : null;
            };
            if (replacement != null) {
                sb.append(content, run, i).append(replacement);
                run = i + 1;
            }
        }
        if (run < stop) {
            sb.append(content, run, stop);
        }
    }
}
