package org.knead.admin.layout;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.knead.content.MarkdownRenderer;

/**
 * Core's sanitized Markdown, made safe to show inside the console: every link opens in a new tab
 * ({@code target=_blank}, {@code rel=noopener noreferrer nofollow}) and is ignored by Vaadin's router,
 * so a link in a preview never navigates the console away from unsaved work. Only attributes are
 * added to what the sanitizer let through.
 */
public final class SafeHtml {

    private SafeHtml() {
    }

    public static String markdown(String markdown) {
        String html = MarkdownRenderer.toSafeHtml(markdown);
        if (html.isEmpty()) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        for (Element a : doc.select("a")) {
            a.attr("target", "_blank");
            a.attr("rel", "noopener noreferrer nofollow");
            a.attr("router-ignore", "");
        }
        doc.outputSettings().prettyPrint(false);
        return doc.body().html();
    }
}
