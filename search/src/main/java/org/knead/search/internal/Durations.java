package org.knead.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites every duration of three weeks or more ("for three months", "for 6 weeks", "since last
 * year", "over a month", "half a year", "for ages") into one token, {@link #PERSISTENT}, so that a
 * trigger phrase can say "pain + for months". Shorter durations ("for 2 days", "for a week"),
 * frequencies ("once a month", "3 times a week") and points in time ("3 months ago", "a 5 year old")
 * are left as they are. Works on lower-case plain tokens, before stop words are dropped.
 * "Since christmas" or "since january" are not durations here: how long that is depends on the date.
 */
final class Durations {

    /** The token that stands for a duration of three weeks or more; it has a space, so no typed word is it. */
    static final String PERSISTENT = "for months";

    static final int MIN_DAYS = 21;

    private static final Map<String, Integer> UNIT_DAYS = Map.ofEntries(Map.entry("day", 1), Map.entry("days", 1),
            Map.entry("week", 7), Map.entry("weeks", 7), Map.entry("wk", 7), Map.entry("wks", 7),
            Map.entry("fortnight", 14), Map.entry("fortnights", 14), Map.entry("month", 30), Map.entry("months", 30),
            Map.entry("mth", 30), Map.entry("mths", 30), Map.entry("mnth", 30), Map.entry("mnths", 30),
            Map.entry("year", 365), Map.entry("years", 365), Map.entry("yr", 365), Map.entry("yrs", 365));

    private static final Pattern COMPACT = Pattern.compile(
            "(\\d{1,4}(?:\\.\\d+)?)\\+?(days?|weeks?|wks?|fortnights?|months?|mths?|mnths?|years?|yrs?)");

    private static final Map<String, Double> NUMBERS = Map.ofEntries(Map.entry("one", 1.0), Map.entry("two", 2.0),
            Map.entry("three", 3.0), Map.entry("four", 4.0), Map.entry("five", 5.0), Map.entry("six", 6.0),
            Map.entry("seven", 7.0), Map.entry("eight", 8.0), Map.entry("nine", 9.0), Map.entry("ten", 10.0),
            Map.entry("eleven", 11.0), Map.entry("twelve", 12.0), Map.entry("fifteen", 15.0),
            Map.entry("eighteen", 18.0), Map.entry("twenty", 20.0), Map.entry("thirty", 30.0),
            Map.entry("forty", 40.0), Map.entry("fifty", 50.0), Map.entry("sixty", 60.0), Map.entry("ninety", 90.0),
            Map.entry("couple", 2.0), Map.entry("few", 3.0), Map.entry("several", 3.0), Map.entry("many", 3.0),
            Map.entry("dozen", 12.0), Map.entry("numerous", 3.0));

    /** Words before a single unit that make it one whole unit ("last month", "the past year"). */
    private static final Set<String> ONE_UNIT = Set.of("a", "an", "last", "past", "whole", "entire", "full", "over",
            "since", "nearly", "almost", "about", "around", "than");

    /** Words before the quantity that make it a frequency or a point in time, not a duration. */
    private static final Set<String> NOT_A_DURATION = Set.of("once", "twice", "times", "per", "every", "each",
            "this", "next", "in", "within");

    /** Words after the unit that make it a point in time or an age. */
    private static final Set<String> AFTER_NOT_A_DURATION = Set.of("ago", "old", "earlier", "before", "later");

    /** Filler words right before a duration, dropped with it ("for", "over the last", "more than"). */
    private static final Set<String> FILLERS = Set.of("for", "since", "over", "past", "last", "the", "more", "than",
            "longer", "at", "least", "nearly", "almost", "about", "around", "whole", "entire", "full", "good",
            "well", "a", "an", "of", "like", "just", "probably", "maybe", "roughly", "approximately", "already",
            "now", "throughout");

    /** Words that, within a few words after "since", mean since childhood. */
    private static final Set<String> CHILDHOOD = Set.of("childhood", "child", "kid", "teen", "teens", "teenager",
            "school", "birth", "born", "young", "little", "baby");

    private static final Set<String> SEASONS = Set.of("spring", "summer", "autumn", "fall", "winter");

    private Durations() {
    }

    /** The tokens with every long duration replaced by {@link #PERSISTENT}. */
    static List<String> rewrite(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
            Matcher compact = COMPACT.matcher(t);
            if (compact.matches()) {
                double days = Double.parseDouble(compact.group(1)) * UNIT_DAYS.get(compact.group(2));
                if (days >= MIN_DAYS && !AFTER_NOT_A_DURATION.contains(next) && !frequency(out, out.size() - 1)) {
                    persistent(out, out.size());
                    continue;
                }
            } else if (UNIT_DAYS.containsKey(t) && !AFTER_NOT_A_DURATION.contains(next)) {
                int start = quantityStart(out, t);
                if (start >= 0) {
                    persistent(out, start);
                    continue;
                }
            } else if (t.equals("ages") && last(out, 0).equals("for")) {
                persistent(out, out.size());
                continue;
            } else if (t.equals("time") && last(out, 0).equals("long") && last(out, 1).equals("a")
                    && last(out, 2).equals("for")) {
                persistent(out, out.size() - 2);
                continue;
            } else if (SEASONS.contains(t) && last(out, 0).equals("last") && last(out, 1).equals("since")) {
                persistent(out, out.size() - 1); // "since last summer"
                continue;
            } else if (t.equals("since")) {
                int end = Math.min(tokens.size(), i + 5);
                int found = -1;
                for (int j = i + 1; j < end && found < 0; j++) {
                    if (CHILDHOOD.contains(tokens.get(j))) {
                        found = j;
                    }
                }
                if (found > 0) {
                    persistent(out, out.size());
                    i = found;
                    continue;
                }
            }
            out.add(t);
        }
        return out;
    }

    /**
     * Where the quantity of a unit starts in {@code out} (the tokens before the unit), when the
     * duration is long enough; -1 when it is not a long duration.
     */
    private static int quantityStart(List<String> out, String unit) {
        int days = UNIT_DAYS.get(unit);
        boolean plural = unit.endsWith("s");
        int k = out.size() - 1;
        String prev = at(out, k);
        if (prev.equals("of") && NUMBERS.containsKey(at(out, k - 1))) {
            k--; // "couple of weeks", "few of months" (sic)
            prev = at(out, k);
        }
        double quantity;
        Double n = number(prev);
        if (n != null) {
            quantity = n;
            k--;
        } else if (prev.equals("half")) {
            // "three and a half weeks"
            Double whole = number(at(out, k - 3));
            if (at(out, k - 1).equals("a") && at(out, k - 2).equals("and") && whole != null) {
                quantity = whole + 0.5;
                k -= 4;
            } else {
                quantity = 0.5;
                k--;
            }
        } else if (ONE_UNIT.contains(prev)) {
            quantity = 1;
            if (prev.equals("a") || prev.equals("an")) {
                if (frequency(out, k - 1)) {
                    return -1; // "once a month", "three times a week"
                }
                if (at(out, k - 1).equals("half")) {
                    quantity = 0.5; // "half a year"
                    k--;
                }
            } else if (plural) {
                quantity = 3; // "the last months", "for weeks"
            }
            k--;
        } else if (plural && !NOT_A_DURATION.contains(prev)) {
            quantity = 3; // "for weeks", "months of pain"
        } else {
            return -1;
        }
        if (frequency(out, k)) {
            return -1; // "every 3 months", "in six weeks"
        }
        if (quantity * days < MIN_DAYS) {
            return -1;
        }
        return k + 1;
    }

    /** Whether the word at {@code k} makes what follows a frequency or a point in time ("once", "every", "in"). */
    private static boolean frequency(List<String> out, int k) {
        return NOT_A_DURATION.contains(at(out, k));
    }

    private static Double number(String s) {
        Double n = NUMBERS.get(s);
        if (n != null) {
            return n;
        }
        if (!s.isEmpty() && s.length() <= 6 && s.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.')
                && s.chars().filter(c -> c == '.').count() <= 1 && !s.equals(".")) {
            return Double.parseDouble(s);
        }
        return null;
    }

    /** Drops {@code out} from {@code start} on, and the fillers right before, then adds the token. */
    private static void persistent(List<String> out, int start) {
        while (out.size() > start) {
            out.remove(out.size() - 1);
        }
        while (!out.isEmpty() && FILLERS.contains(out.get(out.size() - 1))) {
            out.remove(out.size() - 1);
        }
        out.add(PERSISTENT);
    }

    private static String at(List<String> list, int i) {
        return i >= 0 && i < list.size() ? list.get(i) : "";
    }

    private static String last(List<String> list, int back) {
        return at(list, list.size() - 1 - back);
    }
}
