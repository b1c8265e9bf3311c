package org.knead.search.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Edit distances for typo tolerance, and common words that are never read as typos. */
public final class Typos {

    /** Common English words, never read as typos ("never" is not "fever", "week" is not "weak"). */
    public static final Set<String> COMMON_WORDS = load();

    /** Porter stems of the common words, for checking analyzed query terms. */
    public static final Set<String> COMMON_STEMS = Set.copyOf(Analysis.stem(List.copyOf(COMMON_WORDS)));

    private static Set<String> load() {
        Set<String> words = new HashSet<>(List.of("never", "fewer", "lever", "seven", "forever", "whenever",
                "however", "weekly", "weakly", "sever", "server", "several", "consistent", "lumbar", "thumb", "thumbs",
                "chill", "still", "skill", "wreck", "worse", "worst", "sweat", "sweats", "sweet", "tinkling"));
        try (InputStream in = Typos.class.getResourceAsStream("/org/knead/search/common-words.txt")) {
            if (in != null) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                    if (!line.startsWith("#")) {
                        for (String w : line.strip().split("\\s+")) {
                            if (!w.isEmpty()) {
                                words.add(w.toLowerCase(Locale.ROOT));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }

    private Typos() {
    }

    /** Same first letter and within one edit (two from eight letters on), transpositions counting one. */
    public static boolean isTypo(String typed, String word) {
        if (typed.equals(word) || typed.length() < 4 || word.length() < 4 || typed.charAt(0) != word.charAt(0)) {
            return false;
        }
        int max = Math.max(typed.length(), word.length()) >= 8 ? 2 : 1;
        if (Math.abs(typed.length() - word.length()) > max) {
            return false;
        }
        return distance(typed, word, max) <= max;
    }

    /** Optimal string alignment distance, giving up above {@code max}. */
    public static int distance(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
        }
        return d[n][m];
    }
}
