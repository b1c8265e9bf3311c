package org.knead.api.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knead.api.content.ContentDetail;
import org.knead.api.content.Review;
import org.knead.content.ContentType;
import org.springframework.stereotype.Component;

/**
 * The schema.org JSON-LD of an item's page: a MedicalWebPage (with lastReviewed and reviewedBy for
 * reviewed items) about the item, typed by what it is (a warning is a MedicalSignOrSymptom, a
 * technique a PhysicalTherapy, ...). Written by Jackson, then made safe inside a script element:
 * {@code <}, {@code >} and {@code &} become JSON escapes, so no text can close the element.
 */
@Component
class StructuredData {

    private final ObjectMapper json;

    StructuredData(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param pageUrl the page's absolute address
     * @param siteUrl the site's absolute address, without a trailing slash
     */
    String of(ContentDetail d, String pageUrl, String siteUrl) {
        ContentType type = ContentType.fromKey(d.type()).orElseThrow();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("@context", "https://schema.org");
        page.put("@type", "MedicalWebPage");
        page.put("@id", pageUrl);
        page.put("url", pageUrl);
        page.put("name", d.title());
        page.put("description", d.summary());
        page.put("inLanguage", "en");
        page.put("isPartOf", object("@type", "WebSite", "name", "Knead", "url", siteUrl + "/"));
        if (d.publishedAt() != null) {
            page.put("dateModified", d.publishedAt().toString());
        }
        Review review = d.review() == null ? null : d.review().orElse(null);
        if (review != null) {
            page.put("lastReviewed", review.reviewedAt().toString().substring(0, 10));
            page.put("reviewedBy", object("@type", "Person", "name", review.reviewedBy()));
        }
        Map<String, Object> entity = entity(d, type, siteUrl);
        page.put("about", entity);
        page.put("mainEntity", entity);
        return safe(page);
    }

    private static Map<String, Object> entity(ContentDetail d, ContentType type, String siteUrl) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("@type", switch (type) {
            case TECHNIQUE -> "PhysicalTherapy";
            case SYMPTOM -> "MedicalSymptom";
            case CAUSE -> "MedicalCause";
            case SELF_CARE -> "LifestyleModification";
            case WARNING -> "MedicalSignOrSymptom";
            case ARTICLE -> "Article";
        });
        entity.put(type == ContentType.ARTICLE ? "headline" : "name", d.title());
        entity.put("description", d.summary());
        if (d.aliases() != null && !d.aliases().isEmpty() && type != ContentType.ARTICLE) {
            entity.put("alternateName", d.aliases());
        }
        if (type == ContentType.TECHNIQUE && d.cautions() != null && !d.cautions().isEmpty()) {
            entity.put("contraindication", d.cautions().stream().map(c -> object("@type", "MedicalContraindication",
                    "name", c.title(), "url", siteUrl + SitePaths.item(c.type(), c.slug()))).toList());
        }
        if (type == ContentType.WARNING && d.sources() != null) {
            entity.put("citation", d.sources().stream().filter(s -> ItemPage.isWebAddress(s.url()))
                    .map(s -> object("@type", "CreativeWork", "name", s.title(), "url", s.url(),
                            "publisher", object("@type", "Organization", "name", s.publisher())))
                    .toList());
        }
        if (type == ContentType.WARNING && d.action() != null) {
            entity.put("possibleTreatment", List.of(object("@type", "MedicalTherapy", "name", d.action())));
        }
        return entity;
    }

    /** An object with its keys in the order given ("@type" first); null values are left out. */
    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                o.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return o;
    }

    private String safe(Object value) {
        try {
            return json.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the structured data", e);
        }
    }
}
