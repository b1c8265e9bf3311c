package org.knead.admin.layout;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * One way to show and enter time in the console: ISO 8601 dates, the 24-hour clock, and the zone
 * named, to the minute. The zone is UTC unless the person chose their browser's zone for this
 * session ({@link #useZone}); pickers show and take the same format, in the same zone.
 */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String ZONE_ATTRIBUTE = "knead.time-zone";
    /** British English gives the pickers a 24-hour clock; the date format is set to ISO below. */
    private static final Locale PICKER_LOCALE = Locale.UK;

    private Formats() {
    }

    public static String time(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZoneId zone = zone();
        return zone.equals(ZoneOffset.UTC) ? TIME.format(instant) : time(LocalDateTime.ofInstant(instant, zone));
    }

    /** A wall-clock time in the session's zone, written as {@link #time(Instant)} writes it. */
    public static String time(LocalDateTime local) {
        return local == null ? "" : LOCAL.format(local) + " " + zoneName();
    }

    /** The next full hour from now, in the session's zone (today unless it is past 23:00). */
    public static LocalDateTime nextRoundHour(Instant now) {
        return LocalDateTime.ofInstant(now, zone()).truncatedTo(ChronoUnit.HOURS).plusHours(1);
    }

    /** The instant a wall-clock time in the session's zone stands for. */
    public static Instant instant(LocalDateTime local) {
        return local.atZone(zone()).toInstant();
    }

    /** The zone times are shown and entered in: UTC unless this session chose another. */
    public static ZoneId zone() {
        VaadinSession session = VaadinSession.getCurrent();
        Object zone = session == null ? null : session.getAttribute(ZONE_ATTRIBUTE);
        return zone instanceof ZoneId z ? z : ZoneOffset.UTC;
    }

    /** "UTC", or the zone's id ("Asia/Kolkata"). */
    public static String zoneName() {
        ZoneId zone = zone();
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /** Shows and takes times in this zone for the rest of the session; UTC when null or unknown. */
    public static void useZone(String zoneId) {
        ZoneId zone = ZoneOffset.UTC;
        try {
            if (zoneId != null && !zoneId.isBlank()) {
                zone = ZoneId.of(zoneId).normalized();
            }
        } catch (java.time.DateTimeException unknown) {
            zone = ZoneOffset.UTC;
        }
        VaadinSession.getCurrent().setAttribute(ZONE_ATTRIBUTE, zone.equals(ZoneOffset.UTC) ? null : zone);
    }

    /** Date pickers show and read ISO dates (2026-11-30), weeks starting on Monday. */
    public static DatePicker.DatePickerI18n isoDates() {
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setDateFormats("yyyy-MM-dd", "yyyy-M-d");
        i18n.setFirstDayOfWeek(1); // Monday
        i18n.setMonthNames(List.of("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"));
        i18n.setWeekdays(List.of("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"));
        i18n.setWeekdaysShort(List.of("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"));
        i18n.setToday("Today");
        i18n.setCancel("Cancel");
        return i18n;
    }

    public static DatePicker isoDatePicker(String label) {
        DatePicker picker = new DatePicker(label);
        picker.setLocale(PICKER_LOCALE);
        picker.setI18n(isoDates());
        picker.setPlaceholder("YYYY-MM-DD");
        return picker;
    }

    /** A date and time picker in the session's zone: ISO date, 24-hour time in steps of a quarter hour. */
    public static DateTimePicker isoDateTimePicker(String label) {
        DateTimePicker picker = new DateTimePicker(label);
        picker.setLocale(PICKER_LOCALE);
        picker.setDatePickerI18n(isoDates());
        picker.setStep(Duration.ofMinutes(15));
        picker.setDatePlaceholder("YYYY-MM-DD");
        picker.setTimePlaceholder("HH:MM");
        return picker;
    }
}
