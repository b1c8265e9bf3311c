package org.knead.search.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lay <-> clinical synonym vocabulary: groups of equivalent words and phrases, read from an
 * editable text file (one comma-separated group per line, {@code #} comments). Each member is kept
 * analyzed, so "knots" matches "knot" and "pins and needles" matches "pin needl".
 */
public final class Vocabulary {

    public static final String BUILT_IN = "/org/knead/search/synonyms.txt";

    /** One member of a group: its words as written, and its analyzed tokens (with positions). */
    public record Member(String text, List<Analysis.Token> tokens) {

        public List<String> terms() {
            return tokens.stream().map(Analysis.Token::term).toList();
        }
    }

    /** A match of a member in a token sequence, with the other members of its group. */
    public record Match(int start, int end, Member matched, List<Member> alternatives) {
    }

    private final List<List<Member>> groups;
    /** First analyzed term of a member -> (group index, member) pairs starting with it. */
    private final Map<String, List<int[]>> byFirstTerm = new HashMap<>();

    private Vocabulary(List<List<String>> rawGroups) {
        List<List<Member>> gs = new ArrayList<>();
        for (List<String> raw : rawGroups) {
            List<Member> members = new ArrayList<>();
            Set<List<String>> seen = new LinkedHashSet<>();
            for (String text : raw) {
                List<Analysis.Token> tokens = Analysis.tokens(Analysis.text(), text, 16);
                Member m = new Member(text, tokens);
                if (!tokens.isEmpty() && seen.add(m.terms())) {
                    members.add(m);
                }
            }
            if (members.size() > 1) {
                gs.add(List.copyOf(members));
            }
        }
        this.groups = List.copyOf(gs);
        for (int g = 0; g < groups.size(); g++) {
            List<Member> members = groups.get(g);
            for (int m = 0; m < members.size(); m++) {
                byFirstTerm.computeIfAbsent(members.get(m).terms().get(0), k -> new ArrayList<>()).add(new int[] {g, m});
            }
        }
    }

    public static Vocabulary builtIn() {
        try (InputStream in = Vocabulary.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + BUILT_IN);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file at {@code path}, or the built-in vocabulary when path is null. */
    public static Vocabulary load(Path path) {
        if (path == null) {
            return builtIn();
        }
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the synonym vocabulary " + path, e);
        }
    }

    public static Vocabulary parse(String text) {
        List<List<String>> groups = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            while ((line = r.readLine()) != null) {
                int hash = line.indexOf('#');
                if (hash >= 0) {
                    line = line.substring(0, hash);
                }
                if (line.isBlank()) {
                    continue;
                }
                List<String> group = new ArrayList<>();
                for (String part : line.split(",")) {
                    if (!part.isBlank()) {
                        group.add(part.strip());
                    }
                }
                groups.add(group);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Vocabulary(groups);
    }

    public List<List<Member>> groups() {
        return groups;
    }

    /**
     * Every occurrence of a vocabulary member in {@code terms} (analyzed query terms, in order), each
     * with the other members of its group.
     */
    public List<Match> matches(List<String> terms) {
        List<Match> out = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            List<int[]> candidates = byFirstTerm.get(terms.get(i));
            if (candidates == null) {
                continue;
            }
            for (int[] gm : candidates) {
                List<Member> group = groups.get(gm[0]);
                Member member = group.get(gm[1]);
                List<String> mt = member.terms();
                if (i + mt.size() <= terms.size() && terms.subList(i, i + mt.size()).equals(mt)) {
                    List<Member> alternatives = new ArrayList<>(group);
                    alternatives.remove(gm[1]);
                    out.add(new Match(i, i + mt.size(), member, alternatives));
                }
            }
        }
        return out;
    }
}
