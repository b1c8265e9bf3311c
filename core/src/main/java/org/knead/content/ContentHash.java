package org.knead.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A SHA-256 of the canonical JSON of a content: equal content, equal hash; any change, a new hash.
 * Fields added after the first version (those {@link ContentFields} marks
 * {@link ContentField#hashedOnlyWhenSet()}: {@code action}, {@code sources}) are left out of the JSON while they are empty, so that the hashes of revisions written before them (and the clinical
 * approvals bound to those hashes) stay valid.
 */
public final class ContentHash {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addModule(new JavaTimeModule())
            .build();

    /** Fields that joined the content after revisions were first hashed: omitted when empty. */
    private static final List<String> LATER_FIELDS = ContentFields.all().stream()
            .filter(ContentField::hashedOnlyWhenSet).map(ContentField::name).toList();

    private ContentHash() {
    }

    public static String of(Content content) {
        try {
            ObjectNode tree = CANONICAL.valueToTree(content);
            for (String field : LATER_FIELDS) {
                JsonNode value = tree.get(field);
                if (value != null && (value.isNull() || value.isArray() && value.isEmpty()
                        || value.isTextual() && value.asText().isEmpty())) {
                    tree.remove(field);
                }
            }
            byte[] json = CANONICAL.writeValueAsBytes(tree);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot hash content", e);
        }
    }
}
