package org.knead.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks content before it becomes a revision: slug format, required fields, lengths, and that
 * every link points at an item that exists.
 */
public final class ContentValidator {

    public static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    public static final int MAX_SLUG = 80;
    public static final int MAX_TITLE = 160;
    public static final int MAX_SUMMARY = 600;
    public static final int MAX_BODY = 100_000;
    public static final int MAX_ALIAS = 120;
    public static final int MAX_LIST = 100;
    public static final int MAX_ADVICE = 2_000;
    public static final int MAX_ACTION = 200;
    public static final int MAX_SOURCES = 20;
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
        if (c.slug() == null || c.slug().isEmpty()) {
            problems.add("A slug is required.");
        } else if (c.slug().length() > MAX_SLUG || !SLUG.matcher(c.slug()).matches()) {
            problems.add("The slug '" + abbreviate(c.slug()) + "' must be lowercase words joined by hyphens"
                    + " (a-z, 0-9), at most " + MAX_SLUG + " characters.");
        }
        if (c.title().isEmpty()) {
            problems.add("A title is required.");
        }
        length(problems, "title", c.title(), MAX_TITLE);
        length(problems, "summary", c.summary(), MAX_SUMMARY);
        length(problems, "body", c.body(), MAX_BODY);
        length(problems, "advice", c.advice(), MAX_ADVICE);
        length(problems, "action", c.action(), MAX_ACTION);
        list(problems, "aliases", c.aliases());
        list(problems, "benefits", c.benefits());
        list(problems, "trigger phrases", c.triggerPhrases());
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
        unused(problems, c, "pressure", c.pressure() != null, ContentType.TECHNIQUE);
        unused(problems, c, "cautions", !c.cautions().isEmpty(), ContentType.TECHNIQUE);
        unused(problems, c, "symptoms it relieves", !c.relievesSymptoms().isEmpty(),
                ContentType.TECHNIQUE, ContentType.SELF_CARE);
        unused(problems, c, "symptoms it leads to", !c.leadsToSymptoms().isEmpty(), ContentType.CAUSE);
        unused(problems, c, "trigger symptoms", !c.triggerSymptoms().isEmpty(), ContentType.WARNING);
        unused(problems, c, "severity", c.severity() != null, ContentType.WARNING);
        unused(problems, c, "action", !c.action().isEmpty(), ContentType.WARNING);
        unused(problems, c, "sources", !c.sources().isEmpty(), ContentType.WARNING);

        c.links().forEach((relation, refs) -> {
            for (ContentRef ref : refs) {
                if (!SLUG.matcher(ref.slug()).matches()) {
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

    private static void unused(List<String> problems, Content c, String field, boolean set, ContentType... allowed) {
        if (set && !List.of(allowed).contains(c.type())) {
            problems.add("A " + c.type().key() + " has no " + field + ".");
        }
    }

    private static void sources(List<String> problems, List<Source> sources) {
        if (sources.isEmpty()) {
            problems.add("A medical warning needs at least one source: the national health service page or"
                    + " guideline its facts come from (title, https address, publisher, the date it was checked).");
            return;
        }
        if (sources.size() > MAX_SOURCES) {
            problems.add("At most " + MAX_SOURCES + " sources are allowed.");
        }
        Set<String> urls = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            String which = "Source " + (i + 1);
            if (s.title().isEmpty()) {
                problems.add(which + " needs a title.");
            }
            length(problems, "title of " + which.toLowerCase(), s.title(), MAX_TITLE);
            if (s.publisher().isEmpty()) {
                problems.add(which + " needs a publisher (for example NHS or NICE).");
            }
            length(problems, "publisher of " + which.toLowerCase(), s.publisher(), MAX_ALIAS);
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

    private static void list(List<String> problems, String field, List<String> values) {
        if (values.size() > MAX_LIST) {
            problems.add("At most " + MAX_LIST + " " + field + " are allowed.");
        }
        for (String v : values) {
            if (v.length() > MAX_ALIAS) {
                problems.add("Each of the " + field + " may be at most " + MAX_ALIAS + " characters: '"
                        + abbreviate(v) + "' is longer.");
            }
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
