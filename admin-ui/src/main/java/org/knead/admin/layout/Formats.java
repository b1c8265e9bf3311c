package org.knead.admin.layout;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * One way to show and enter time in the console: ISO 8601 dates, the 24-hour clock, and the zone
 * named (UTC), to the minute. Pickers show and take the same format.
 */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** British English gives the pickers a 24-hour clock; the date format is set to ISO below. */
    private static final Locale PICKER_LOCALE = Locale.UK;

    private Formats() {
    }

    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** A wall-clock time in UTC, written as {@link #time(Instant)} writes it. */
    public static String time(LocalDateTime utc) {
        return utc == null ? "" : LOCAL.format(utc) + " UTC";
    }

    /** The next full hour from now, in UTC (today unless it is past 23:00). */
    public static LocalDateTime nextRoundHour(Instant now) {
        return LocalDateTime.ofInstant(now, ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).plusHours(1);
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

    /** A date and time picker in UTC: ISO date, 24-hour time in steps of a quarter hour. */
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
