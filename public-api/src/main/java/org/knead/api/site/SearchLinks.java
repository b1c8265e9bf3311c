package org.knead.api.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Links of the search page that keep the query and change one thing: a filter, the page, or the
 * query itself ("did you mean"). Values are form-encoded as the search form itself sends them; the
 * template escapes the URL again for the attribute.
 *
 * @param q        the query
 * @param type     the type filter (a type key), or null
 * @param bodyArea the body area filter (a body area key), or null
 */
record SearchLinks(String q, String type, String bodyArea) {

    String page(int page) {
        return build(q, type, bodyArea, page);
    }

    String withType(String t) {
        return build(q, t, bodyArea, 0);
    }

    String withBodyArea(String area) {
        return build(q, type, area, 0);
    }

    String withQuery(String query) {
        return build(query, type, bodyArea, 0);
    }

    private static String build(String q, String type, String bodyArea, int page) {
        StringBuilder url = new StringBuilder("/?q=").append(encode(q));
        if (type != null) {
            url.append("&type=").append(encode(type));
        }
        if (bodyArea != null) {
            url.append("&bodyArea=").append(encode(bodyArea));
        }
        if (page > 0) {
            url.append("&page=").append(page + 1);
        }
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
