package org.knead.api.site;

import java.util.Set;
import org.knead.api.content.ContentDetail;
import org.knead.api.content.ContentReader;
import org.knead.api.web.ApiProblem;
import org.knead.api.web.Params;
import org.knead.content.BodyArea;
import org.knead.content.ContentType;
import org.knead.search.SearchRequest;
import org.knead.search.SearchService;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The site's pages: search at {@code /}, every published item at {@code /techniques/{slug}} and the
 * same for every type, and each type's list. Parameters are checked as the JSON API checks them; a
 * bad one is a 400 page, an unknown slug a 404 page ({@link SiteErrors}).
 */
@Controller
class SiteController {

    static final int PAGE_SIZE = 10;
    static final int LIST_SIZE = 100;

    private final SearchService search;
    private final ContentReader content;
    private final StructuredData structuredData;

    SiteController(SearchService search, ContentReader content, StructuredData structuredData) {
        this.search = search;
        this.content = content;
        this.structuredData = structuredData;
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
            @RequestParam(required = false) String bodyArea, @RequestParam(required = false) String page,
            Model model) {
        if (q == null || q.isBlank()) {
            model.addAttribute("search", SearchPage.blank());
            return "site/search";
        }
        String query = Params.text("q", q, Params.MAX_QUERY);
        Set<ContentType> types = Params.types(type);
        if (types.size() > 1) {
            throw ApiProblem.badParameter("type", "Filter by one type at a time.");
        }
        BodyArea area = Params.bodyArea(bodyArea);
        int pageIndex = pageNumber(page) - 1;
        if (!search.isReady()) {
            throw ApiProblem.unavailable("The search index is still being built; try again in a few seconds.");
        }
        SearchLinks links = new SearchLinks(query, types.isEmpty() ? null : types.iterator().next().key(),
                area == null ? null : area.key());
        org.knead.search.SearchResponse response;
        try {
            response = search.search(new SearchRequest(query, types, area, null, pageIndex, PAGE_SIZE));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badParameter("q", "The query could not be understood; try plain words.");
        }
        model.addAttribute("search", SearchPage.of(response, links, pageIndex, PAGE_SIZE));
        return "site/search";
    }

    /** The page number as people see it, from 1; refused past what any search holds. */
    private static int pageNumber(String page) {
        if (page == null || page.isBlank()) {
            return 1;
        }
        try {
            int n = Integer.parseInt(page.strip());
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badParameter("page", "page must be a whole number from 1 to 1000.");
    }

    @GetMapping(path = "/{collection:" + SitePaths.COLLECTIONS + "}/{slug}", produces = MediaType.TEXT_HTML_VALUE)
    String item(@PathVariable String collection, @PathVariable String slug, Model model) {
        ContentType type = SitePaths.fromCollection(collection).orElseThrow();
        ContentDetail detail = content.find(type, slug).orElseThrow(() -> new PageNotFound(type, slug));
        String site = siteUrl();
        String jsonLd = structuredData.of(detail, site + SitePaths.item(type, detail.slug()), site);
        model.addAttribute("page", ItemPage.of(detail, jsonLd));
        return "site/item";
    }

    @GetMapping(path = "/{collection:" + SitePaths.COLLECTIONS + "}", produces = MediaType.TEXT_HTML_VALUE)
    String list(@PathVariable String collection, @RequestParam(required = false) String page, Model model) {
        ContentType type = SitePaths.fromCollection(collection).orElseThrow();
        int pageIndex = pageNumber(page) - 1;
        var list = content.list(type, pageIndex, LIST_SIZE);
        int pages = (int) ((list.total() + LIST_SIZE - 1) / LIST_SIZE);
        String path = SitePaths.collection(type);
        model.addAttribute("title", Labels.collection(type));
        model.addAttribute("items", list.items().stream().map(ItemPage.Link::of).toList());
        model.addAttribute("page", pageIndex);
        model.addAttribute("pages", pages);
        model.addAttribute("previousUrl", pageIndex > 0 ? path + "?page=" + pageIndex : null);
        model.addAttribute("nextUrl", pageIndex + 1 < pages ? path + "?page=" + (pageIndex + 2) : null);
        return "site/list";
    }

    static String siteUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    /** An unknown slug: answered with the 404 page. */
    static final class PageNotFound extends RuntimeException {
        PageNotFound(ContentType type, String slug) {
            super("No published " + Labels.type(type).toLowerCase(java.util.Locale.ROOT) + " has this address.",
                    null, false, false);
        }
    }
}
