package org.knead.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Snippets of a short stored text (a hit's summary): the text is analyzed as the index analyzed it,
 * and the tokens the query's terms, phrases (all of a phrase's words, in order) or term patterns (a
 * prefix) match are marked. No index lookups per hit, no stored field reads: the cost is analyzing a
 * few sentences. A long text is cut to the sentence of its first match, about {@link #GOAL} characters.
 * The snippet is HTML-escaped text in which only {@code <mark>} is markup (see {@link MarkFormatter}).
 */
final class ShortSnippets {

    static final int GOAL = 160;
    /** Texts up to this length are shown whole. */
    static final int WHOLE = 240;

    private final String field;
    private final Set<String> terms = new HashSet<>();
    private final List<PhraseQuery> phrases = new ArrayList<>();
    private final List<Supplier<ByteRunAutomaton>> patterns = new ArrayList<>();
    private final List<ByteRunAutomaton> compiled = new ArrayList<>();

    private ShortSnippets(String field) {
        this.field = field;
    }

    /** The words, phrases and patterns of {@code query} on {@code field}. */
    static ShortSnippets of(Query query, String field) {
        ShortSnippets s = new ShortSnippets(field);
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String f) {
                return field.equals(f);
            }

            @Override
            public void consumeTerms(Query q, Term... ts) {
                if (q instanceof PhraseQuery p && ts.length > 1) {
                    s.phrases.add(p);
                    return;
                }
                for (Term t : ts) {
                    if (field.equals(t.field())) {
                        s.terms.add(t.text());
                    }
                }
            }

            @Override
            public void consumeTermsMatching(Query q, String f, Supplier<ByteRunAutomaton> automaton) {
                s.patterns.add(automaton);
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
            }
        });
        return s;
    }

    /** A word of an analyzed text: its term, position and offsets in the text. */
    record Token(String term, int position, int start, int end) {
    }

    /** The highlighted snippet of {@code text}, or null when no query word is in it. */
    String snippet(String text) {
        return snippet(text, null);
    }

    /**
     * The highlighted snippet of {@code text}, or null when no query word is in it; {@code analyzed} is the
     * text as the field's analyzer reads it ({@link #analyze}, as the index keeps it for a hit's summary), or
     * null to analyze it here.
     */
    String snippet(String text, List<Token> analyzed) {
        if (text == null || text.isEmpty() || terms.isEmpty() && phrases.isEmpty() && patterns.isEmpty()) {
            return null;
        }
        List<Token> tokens = analyzed != null ? analyzed : analyze(field, text);
        boolean[] marked = new boolean[tokens.size()];
        boolean any = false;
        for (int i = 0; i < tokens.size(); i++) {
            if (terms.contains(tokens.get(i).term()) || matchesPattern(tokens.get(i).term())) {
                marked[i] = true;
                any = true;
            }
        }
        if (!phrases.isEmpty()) {
            any |= markPhrases(tokens, marked);
        }
        if (!any) {
            return null;
        }
        int first = 0;
        while (!marked[first]) {
            first++;
        }
        int from = 0;
        int to = text.length();
        if (text.length() > WHOLE) {
            int at = tokens.get(first).start();
            SentenceBreaks breaks = new SentenceBreaks();
            breaks.setText(new StringCharacterIterator(text));
            from = Math.max(0, breaks.preceding(at + 1));
            if (at - from > GOAL / 2) {
                int space = text.lastIndexOf(' ', at - GOAL / 4);
                from = space < 0 ? 0 : space + 1;
            }
            to = Math.max(from + GOAL, tokens.get(first).end());
            if (to >= text.length() - GOAL / 4) {
                to = text.length();
            } else {
                int space = text.indexOf(' ', to);
                to = space < 0 ? text.length() : space;
            }
        }
        StringBuilder sb = new StringBuilder(to - from + 32);
        if (from > 0) {
            sb.append(MarkFormatter.ELLIPSIS);
        }
        int pos = from;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!marked[i] || t.start() < pos || t.end() > to) {
                continue;
            }
            MarkFormatter.escape(sb, text, pos, t.start());
            sb.append("<mark>");
            MarkFormatter.escape(sb, text, t.start(), t.end());
            sb.append("</mark>");
            pos = t.end();
        }
        MarkFormatter.escape(sb, text, pos, to);
        if (to < text.length()) {
            sb.append(" …");
        }
        return sb.toString().strip();
    }

    private boolean matchesPattern(String term) {
        if (patterns.isEmpty()) {
            return false;
        }
        if (compiled.isEmpty()) {
            patterns.forEach(p -> compiled.add(p.get()));
        }
        BytesRef bytes = new BytesRef(term);
        for (ByteRunAutomaton a : compiled) {
            if (a.run(bytes.bytes, bytes.offset, bytes.length)) {
                return true;
            }
        }
        return false;
    }

    /** Marks every occurrence of a whole phrase (its words at their relative positions). */
    private boolean markPhrases(List<Token> tokens, boolean[] marked) {
        Map<Integer, List<Integer>> byPosition = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            byPosition.computeIfAbsent(tokens.get(i).position(), k -> new ArrayList<>(1)).add(i);
        }
        boolean any = false;
        for (PhraseQuery p : phrases) {
            Term[] words = p.getTerms();
            int[] offsets = p.getPositions();
            for (int i = 0; i < tokens.size(); i++) {
                if (!tokens.get(i).term().equals(words[0].text())) {
                    continue;
                }
                int base = tokens.get(i).position() - offsets[0];
                List<Integer> hit = new ArrayList<>(words.length);
                for (int w = 0; w < words.length && hit.size() == w; w++) {
                    for (int k : byPosition.getOrDefault(base + offsets[w], List.of())) {
                        if (tokens.get(k).term().equals(words[w].text())) {
                            hit.add(k);
                            break;
                        }
                    }
                }
                if (hit.size() == words.length) {
                    hit.forEach(k -> marked[k] = true);
                    any = true;
                }
            }
        }
        return any;
    }

    /** The words of {@code text} as the index analyzes {@code field}. */
    static List<Token> analyze(String field, String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = Analysis.perField().tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                out.add(new Token(term.toString(), pos, offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
