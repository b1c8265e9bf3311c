package org.knead.publication;

import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The names the public may see for the people who signed content off: their display names,
 * never their login names (which would tell an attacker which accounts to guess at). Read-only:
 * one {@code _id} lookup of one field in the users.
 */
@Component
public class ReviewerNames {

    /** Shown for a reviewer without a display name of their own. */
    public static final String UNNAMED = "Knead clinical reviewer";

    private final MongoTemplate mongo;

    public ReviewerNames(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The display name of a user; empty for an unknown one. */
    public Optional<String> displayName(String username) {
        if (username == null) {
            return Optional.empty();
        }
        Query query = new Query(Criteria.where("_id").is(username));
        query.fields().include("displayName");
        org.bson.Document doc = mongo.findOne(query, org.bson.Document.class, "users");
        return doc == null ? Optional.empty() : Optional.ofNullable(doc.getString("displayName"));
    }

    /** What the public sees for this reviewer: their display name, or {@link #UNNAMED}; never the login name. */
    public String publicName(String username) {
        return displayName(username).filter(n -> !n.isBlank() && !n.equalsIgnoreCase(username)).orElse(UNNAMED);
    }
}
