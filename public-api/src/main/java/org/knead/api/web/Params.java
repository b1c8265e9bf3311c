package org.knead.api.web;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.knead.content.BodyArea;
import org.knead.content.ContentType;
import org.knead.content.Pressure;
import org.knead.content.Slug;

/** Parses and checks request parameters, with a clear 400 for anything out of bounds. */
public final class Params {

    public static final int MAX_SIZE = 100;
    public static final int MAX_QUERY = 200;
    public static final int MAX_PREFIX = 100;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Cf}&&[^\\u200d]]+");

    private Params() {
    }

    public static int page(int page) {
        if (page < 0) {
            throw ApiProblem.badParameter("page", "page must be 0 or more (it counts from 0), not " + page + ".");
        }
        return page;
    }

    public static int size(int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw ApiProblem.badParameter("size", "size must be between 1 and " + MAX_SIZE + ", not " + size + ".");
        }
        return size;
    }

    public static BodyArea bodyArea(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return BodyArea.fromKey(value.strip()).orElseThrow(() -> ApiProblem.badParameter("bodyArea",
                "Unknown bodyArea; use one of neck, shoulders, upper-back, lower-back."));
    }

    public static Pressure pressure(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return Pressure.fromKey(value.strip()).orElseThrow(() -> ApiProblem.badParameter("pressure",
                "Unknown pressure; use one of gentle, moderate, firm, intense."));
    }

    /** A comma-separated list of type keys; empty means every type. */
    public static Set<ContentType> types(String value) {
        Set<ContentType> types = EnumSet.noneOf(ContentType.class);
        if (value == null || value.isBlank()) {
            return types;
        }
        for (String key : value.split(",", 20)) {
            if (key.isBlank()) {
                continue;
            }
            types.add(ContentType.fromKey(key.strip()).orElseThrow(() -> ApiProblem.badParameter("type",
                    "Unknown type; use one or more of technique, symptom, cause, self-care, warning, article,"
                            + " separated by commas.")));
        }
        return types;
    }

    /** A search text: control characters become spaces; empty or longer than {@code max} is refused. */
    public static String text(String name, String value, int max) {
        if (value == null) {
            throw ApiProblem.badParameter(name, name + " is required (a value that is not valid %-encoded UTF-8 is"
                    + " dropped, and then missing).");
        }
        if (value.length() > max) {
            throw ApiProblem.badParameter(name, name + " must be at most " + max + " characters long, not "
                    + value.length() + ".");
        }
        String clean = CONTROL.matcher(value).replaceAll(" ").strip();
        if (clean.isEmpty()) {
            throw ApiProblem.badParameter(name, name + " must not be empty.");
        }
        return clean;
    }

    /** Core's one slug rule ({@link Slug}): anything else names no item. */
    public static boolean isSlug(String slug) {
        return Slug.isValid(slug);
    }
}
