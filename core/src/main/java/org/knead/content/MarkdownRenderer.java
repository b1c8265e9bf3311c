package org.knead.content;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Markdown to safe HTML: CommonMark renders (raw HTML in the source is escaped, unsafe link
 * schemes dropped), then the OWASP sanitizer keeps only formatting, blocks, lists, tables and http(s) links.
 */
public final class MarkdownRenderer {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .allowStandardUrlProtocols()
                    .allowAttributes("href", "title").onElements("a")
                    .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                    .allowElements("pre", "code", "hr", "br")
                    .toFactory());

    private MarkdownRenderer() {
    }

    /** Renders Markdown source to sanitized HTML; never returns markup that can run script. */
    public static String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = PARSER.parse(markdown);
        return POLICY.sanitize(RENDERER.render(document));
    }
}
