package org.knead.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.knead.content.Content;
import org.knead.content.ContentType;

/** The reference article as structured content, shipped in Knead's own resources. */
public final class ReferenceContent {

    public static final String RESOURCE = "/seed/reference-content.json";

    /** Items are imported in this order, so that every link points at an item that exists. */
    private static final List<ContentType> ORDER = List.of(ContentType.SYMPTOM, ContentType.WARNING,
            ContentType.TECHNIQUE, ContentType.CAUSE, ContentType.SELF_CARE, ContentType.ARTICLE);

    private ReferenceContent() {
    }

    public static List<Content> load() {
        ObjectMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule()).build();
        try (InputStream in = ReferenceContent.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The reference content " + RESOURCE + " is missing from the build");
            }
            Content[] items = json.readValue(in, Content[].class);
            return Arrays.stream(items).sorted(Comparator.comparingInt(c -> ORDER.indexOf(c.type()))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the reference content", e);
        }
    }
}
