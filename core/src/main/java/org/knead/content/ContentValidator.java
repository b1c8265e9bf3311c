package org.knead.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks content before it becomes a revision: the slug rule ({@link Slug}), required fields, the limits
 * and types of {@link ContentFields}, and that every link points at an item that exists.
 */
public final class ContentValidator {

    /** The most characters of a source's address. */
    public static final int MAX_URL = 500;

    private ContentValidator() {
    }

    /**
     * @param linkExists answers whether an item of that type and slug exists
     * @throws ContentValidationException listing every problem found
     */
    public static void validate(Content c, Predicate<ContentRef> linkExists) {
        List<String> problems = new ArrayList<>();
        if (c.type() == null) {
            throw new ContentValidationException("A content type is required.");
        }
        String slugProblem = Slug.problem(c.slug());
        if (slugProblem != null) {
            problems.add(slugProblem);
        }
        if (c.title().isEmpty()) {
            problems.add("A title is required.");
        }
        for (ContentField<?> field : ContentFields.all()) {
            limits(problems, c, field);
        }
        duplicates(problems, "aliases", c.aliases());

        switch (c.type()) {
            case TECHNIQUE -> {
                if (c.pressure() == null) {
                    problems.add("A technique needs a pressure (gentle, moderate, firm or intense).");
                }
                if (c.bodyAreas().isEmpty()) {
                    problems.add("A technique needs at least one body area.");
                }
                if (c.summary().isEmpty()) {
                    problems.add("A technique needs a summary.");
                }
            }
            case WARNING -> {
                if (c.severity() == null) {
                    problems.add("A medical warning needs a severity (emergency, urgent, see a doctor or caution).");
                }
                if (c.action().isEmpty()) {
                    problems.add("A medical warning needs the one action to take now, for example"
                            + " \"Call your local emergency number now\".");
                }
                sources(problems, c.sources());
                if (c.advice().isEmpty()) {
                    problems.add("A medical warning needs advice: what the person should do.");
                }
                if (c.triggerPhrases().isEmpty() && c.triggerSymptoms().isEmpty()) {
                    problems.add("A medical warning needs the symptoms or phrases that trigger it.");
                }
            }
            default -> {
            }
        }
        for (ContentField<?> field : ContentFields.all()) {
            if (!field.usedBy(c.type()) && !field.isEmpty(c)) {
                problems.add("A " + c.type().key() + " has no " + field.label().toLowerCase() + ".");
            }
        }

        c.links().forEach((relation, refs) -> {
            for (ContentRef ref : refs) {
                if (!Slug.hasValidForm(ref.slug())) {
                    problems.add("The link '" + abbreviate(ref.slug()) + "' in " + relation + " is not a valid slug.");
                } else if (ref.equals(c.ref())) {
                    problems.add("An item cannot link to itself (" + relation + ").");
                } else if (!linkExists.test(ref)) {
                    problems.add("The " + relation + " link points to " + ref.type().key() + " '" + ref.slug()
                            + "', which does not exist.");
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new ContentValidationException(problems);
        }
    }

    /** The limits the catalogue sets: characters of a text (of each entry of a list), entries of a list. */
    private static void limits(List<String> problems, Content c, ContentField<?> field) {
        String name = field.label().toLowerCase();
        if (field.isList() && field.maxItems() > 0 && field.texts(c).size() > field.maxItems()) {
            problems.add("At most " + field.maxItems() + " " + name + " are allowed.");
        }
        if (field.maxLength() == 0) {
            return;
        }
        if (field.isList()) {
            for (String v : field.texts(c)) {
                if (v.length() > field.maxLength()) {
                    problems.add("Each of the " + name + " may be at most " + field.maxLength() + " characters: '"
                            + abbreviate(v) + "' is longer.");
                }
            }
        } else {
            field.texts(c).forEach(v -> length(problems, name, v, field.maxLength()));
        }
    }

    private static void sources(List<String> problems, List<Source> sources) {
        if (sources.isEmpty()) {
            problems.add("A medical warning needs at least one source: the national health service page or"
                    + " guideline its facts come from (title, https address, publisher, the date it was checked).");
            return;
        }
        Set<String> urls = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            String which = "Source " + (i + 1);
            if (s.title().isEmpty()) {
                problems.add(which + " needs a title.");
            }
            length(problems, "title of " + which.toLowerCase(), s.title(), ContentFields.TITLE.maxLength());
            if (s.publisher().isEmpty()) {
                problems.add(which + " needs a publisher (for example NHS or NICE).");
            }
            length(problems, "publisher of " + which.toLowerCase(), s.publisher(), ContentFields.MAX_ENTRY);
            if (!isHttpsUrl(s.url())) {
                problems.add(which + " needs an https address (https://...), not '" + abbreviate(s.url()) + "'.");
            } else if (!urls.add(s.url())) {
                problems.add("The source " + abbreviate(s.url()) + " is listed twice.");
            }
            if (s.checkedOn() == null) {
                problems.add(which + " needs the date it was checked (YYYY-MM-DD).");
            }
        }
    }

    private static boolean isHttpsUrl(String url) {
        if (url.isEmpty() || url.length() > MAX_URL || url.chars().anyMatch(ch -> ch <= ' ')) {
            return false;
        }
        try {
            java.net.URI uri = new java.net.URI(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static void length(List<String> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add("The " + field + " is " + value.length() + " characters long; at most " + max + " are allowed.");
        }
    }

    private static void duplicates(List<String> problems, String field, List<String> values) {
        Set<String> seen = new HashSet<>();
        for (String v : values) {
            if (!seen.add(v.toLowerCase())) {
                problems.add("The " + field + " list has '" + abbreviate(v) + "' twice.");
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
