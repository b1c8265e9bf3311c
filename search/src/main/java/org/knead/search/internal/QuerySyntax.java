package org.knead.search.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The little syntax of a search box, read by a tiny tokenizer over the raw text (never Lucene's
 * classic QueryParser, so no input can make it throw): {@code "quoted words"} must occur together,
 * {@code -word} (or {@code -"a phrase"}) excludes, {@code word*} is a prefix, and the last word is
 * also a prefix while the person is still typing it (no space after it). Unbalanced quotes, a lone
 * {@code -} or {@code *} are ignored. The words themselves are left to the analysis.
 */
public final class QuerySyntax {

    /**
     * At most this many phrases, exclusions and explicit prefixes are honoured; further phrases and
     * prefixes are read as plain words, further exclusions are dropped.
     */
    static final int MAX_PARTS = 8;
    /** A prefix needs this many letters or digits before the {@code *}. */
    static final int MIN_EXPLICIT_PREFIX = 2;
    /** The word being typed is a prefix from this many letters on. */
    static final int MIN_TYPING_PREFIX = 3;

    /**
     * What a query says.
     *
     * @param words    the free text to analyze: plain words and the words of the phrases, in order
     * @param phrases  texts that must occur as phrases (after analysis)
     * @param excluded texts whose items are left out (one word or a phrase each)
     * @param prefixes explicit prefixes ({@code word*}), lower case, without the star
     * @param typing   the last word when it is still being typed (also matched as a prefix), or null
     * @param plain    the whole query without the syntax (quotes, minus signs, stars): what red flags read
     */
    public record Parsed(String words, List<String> phrases, List<String> excluded, List<String> prefixes,
            String typing, String plain) {

        /** Whether the query asks for nothing but exclusions. */
        public boolean onlyExclusions() {
            return !excluded.isEmpty() && words.isBlank() && prefixes.isEmpty();
        }
    }

    private QuerySyntax() {
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E';
    }

    /** Reads {@code raw}; never throws. */
    public static Parsed parse(String raw) {
        String text = raw == null ? "" : raw;
        // quotes pair up in order; an unbalanced last one is ignored
        List<Integer> quotes = new ArrayList<>();
        for (int k = 0; k < text.length(); k++) {
            if (isQuote(text.charAt(k))) {
                quotes.add(k);
            }
        }
        int paired = quotes.size() - quotes.size() % 2;

        StringBuilder words = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        List<String> phrases = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String lastWord = null;
        int nextQuote = 0; // index in quotes of the next quote not consumed yet
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            while (nextQuote < quotes.size() && quotes.get(nextQuote) < i) {
                nextQuote++;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (isQuote(c) && nextQuote >= paired) {
                i++; // the unbalanced last quote
                continue;
            }
            boolean minus = c == '-' && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1));
            int start = minus ? i + 1 : i;
            if (start < n && isQuote(text.charAt(start))) {
                int q = java.util.Collections.binarySearch(quotes, start);
                if (q >= 0 && q < paired) {
                    // a phrase: up to its closing quote
                    int close = quotes.get(q % 2 == 0 ? q + 1 : q);
                    String phrase = q % 2 == 0 ? text.substring(start + 1, close).strip() : "";
                    i = close + 1;
                    lastWord = null;
                    if (phrase.isEmpty()) {
                        continue;
                    }
                    append(plain, phrase);
                    if (minus) {
                        addCapped(excluded, phrase);
                    } else {
                        append(words, phrase);
                        addCapped(phrases, phrase);
                    }
                    continue;
                }
                // the unbalanced last quote after a minus sign
                i = start + 1;
                continue;
            }
            // a chunk: up to the next space or quote
            int end = start;
            while (end < n && !Character.isWhitespace(text.charAt(end)) && !isQuote(text.charAt(end))) {
                end++;
            }
            String chunk = text.substring(start, end);
            i = Math.max(end, i + 1);
            boolean star = chunk.endsWith("*");
            String word = chunk.replace('*', ' ').strip();
            lastWord = null;
            if (word.isEmpty()) {
                continue;
            }
            append(plain, word);
            if (minus) {
                addCapped(excluded, word);
            } else if (star && isPrefixWord(word) && prefixes.size() < MAX_PARTS) {
                prefixes.add(word.toLowerCase(java.util.Locale.ROOT));
            } else {
                append(words, word);
                lastWord = star || end < n ? null : word;
            }
        }
        boolean stillTyping = !text.isEmpty() && !Character.isWhitespace(text.charAt(text.length() - 1));
        String typing = stillTyping && lastWord != null && letters(lastWord) >= MIN_TYPING_PREFIX
                && lastWord.chars().allMatch(Character::isLetterOrDigit) ? lastWord : null;
        return new Parsed(words.toString(), List.copyOf(phrases), List.copyOf(excluded), List.copyOf(prefixes),
                typing, plain.toString());
    }

    /** Adds {@code part} while fewer than {@link #MAX_PARTS} are there; the rest are dropped. */
    private static void addCapped(List<String> parts, String part) {
        if (parts.size() < MAX_PARTS) {
            parts.add(part);
        }
    }

    private static boolean isPrefixWord(String word) {
        return word.length() >= MIN_EXPLICIT_PREFIX && word.chars().allMatch(Character::isLetterOrDigit);
    }

    private static int letters(String word) {
        return (int) word.chars().filter(Character::isLetter).count();
    }

    private static void append(StringBuilder b, String s) {
        if (b.length() > 0) {
            b.append(' ');
        }
        b.append(s);
    }
}
