package org.knead.content;

import java.time.LocalDate;

/**
 * Where the facts of a medical warning come from: a national health service's page or guideline.
 *
 * @param title     the page's title, e.g. "Back pain"
 * @param url       an https address
 * @param publisher who publishes it, e.g. "NHS" or "NICE"
 * @param checkedOn the day someone last checked that the page still says what the warning says
 */
public record Source(String title, String url, String publisher, LocalDate checkedOn) {

    public Source {
        title = title == null ? "" : title.strip();
        url = url == null ? "" : url.strip();
        publisher = publisher == null ? "" : publisher.strip();
    }

    /** One line for plain-text fields: {@code title | url | publisher | checked on}. */
    public String line() {
        return title + " | " + url + " | " + publisher + " | " + (checkedOn == null ? "" : checkedOn);
    }

    /**
     * Reads the form of {@link #line()}. A line that does not have that form becomes a source that
     * validation rejects with a message naming what is missing; a date that is not YYYY-MM-DD is left empty.
     */
    public static Source parseLine(String line) {
        String[] parts = line == null ? new String[0] : line.split("\\|", -1);
        String title = parts.length > 0 ? parts[0] : "";
        String url = parts.length > 1 ? parts[1] : "";
        String publisher = parts.length > 2 ? parts[2] : "";
        LocalDate checked = null;
        if (parts.length > 3) {
            try {
                checked = LocalDate.parse(parts[3].strip());
            } catch (java.time.format.DateTimeParseException e) {
                checked = null;
            }
        }
        return new Source(title, url, publisher, checked);
    }

    @Override
    public String toString() {
        return line();
    }
}
