package org.knead.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.knead.content.BodyArea;
import org.knead.content.ContentType;
import org.knead.content.Pressure;
import org.knead.search.RedFlag;
import org.knead.search.SearchHit;
import org.knead.search.SearchRequest;
import org.knead.search.SearchResponse;
import org.knead.search.SuggestResponse;
import org.knead.search.Suggestion;

/**
 * Turns free text into Lucene queries and runs them: weighted fields, bigram phrase boosts,
 * vocabulary synonyms (below exact words), typo corrections for words the index does not know (below
 * both), filters, facets, highlighted snippets, "did you mean", suggestions and red flags. Free text
 * is only ever analyzed, never parsed as query syntax, so no input can make it throw.
 */
public final class QueryEngine {

    static final int MAX_TERMS = 16;
    static final int MAX_CORRECTED = 8;
    static final int MAX_BIGRAMS = 12;
    static final int MAX_SYNONYMS = 32;
    static final int MAX_WINDOW = 10_000;
    static final float SYNONYM_BOOST = 0.6f;
    static final float TYPO_BOOST = 0.5f;
    static final float RARE_TYPO_BOOST = 0.3f;
    static final float BIGRAM_BOOST = 1.5f;
    static final int SNIPPET_FALLBACK = 200;
    /** The weight of a query word found in the body, added to its best short field. */
    static final float BODY_BOOST = 0.5f;

    /** The word being typed matches words it begins, this far below an exact word... */
    static final float TYPING_BOOST = 0.1f;
    /** ...over at most this many of the commonest words it begins. */
    static final int TYPING_EXPANSIONS = 16;
    /** {@code word*} matches at most this many of the commonest words it begins, per field. */
    static final int PREFIX_EXPANSIONS = 64;
    /** What a query of nothing but excluded words answers, instead of everything. */
    public static final String ONLY_EXCLUSIONS =
            "Nothing to search for: the query only excludes words. Add a word to look for, e.g. massage -deep.";

    private final Vocabulary vocabulary;
    private final Compounds compounds = new Compounds();
    /** Typos of analyzed query words, corrected to words of the short fields. */
    private static final Spelling.Settings TYPOS = new Spelling.Settings(4, 2, 0.6f);
    /** "Did you mean": words up to 7 letters one edit away, longer ones two. */
    private static final Spelling.Settings SPELLING = new Spelling.Settings(4, 1, 0.6f);
    private static final Spelling.Settings LONG_SPELLING = new Spelling.Settings(8, 2, 0.6f);

    public QueryEngine(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * A query in two forms: {@code scoring} ranks, {@code matching} matches exactly the same documents
     * as a flat, constant-score disjunction (cheap to count every hit for the facets).
     */
    public record Built(Query scoring, Query matching, Query highlightSummary, Relief relief) {
    }

    /** The text query for {@code text}, without filters. */
    public Query textQuery(IndexSearcher searcher, String text) throws IOException {
        return build(searcher, text).scoring();
    }

    /** Both forms of the text query for {@code text}, without filters (no match when no words are left). */
    public Built build(IndexSearcher searcher, String text) throws IOException {
        return build(searcher, QuerySyntax.parse(text), new Spelling());
    }

    /** Both forms of the query {@code parsed}, without filters (no match when no words are left). */
    Built build(IndexSearcher searcher, QuerySyntax.Parsed parsed, Spelling spelling) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        String text = compounds.rewrite(reader, parsed.words(), spelling);
        List<Analysis.Token> tokens = Analysis.tokens(Analysis.text(), text, MAX_TERMS * 4);
        if (tokens.isEmpty() && parsed.prefixes().isEmpty()) {
            Query none = new MatchNoDocsQuery("no words");
            return new Built(none, none, none, Relief.NONE);
        }
        // the word being typed: when it is no word yet but begins some, it is not read as a typo
        String typing = typingPrefix(parsed);
        boolean typingUnfinished = typing != null && !knownWord(reader, typing) && beginsAWord(reader, typing);
        String unfinished = typingUnfinished && !tokens.isEmpty() ? tokens.get(tokens.size() - 1).term() : null;
        // the symptoms the words describe: the same words and synonyms, in symptoms' titles and aliases only
        BooleanQuery.Builder described = new BooleanQuery.Builder();
        List<List<Analysis.Token>> phrases = new ArrayList<>();
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        Set<String> searched = new HashSet<>();
        List<String> terms = tokens.stream().map(Analysis.Token::term).toList();
        List<String> corrected = new ArrayList<>(terms);
        int corrections = 0;
        int maxDoc = Math.max(1, reader.maxDoc());
        int originals = 0;
        int lastOriginal = -1;
        for (int i = 0; i < terms.size() && originals < MAX_TERMS; i++) {
            String t = terms.get(i);
            lastOriginal = i;
            if (!searched.add(t)) {
                continue;
            }
            originals++;
            // the short fields in one clause, the body in its own: a body-only match then has a low
            // maximum score, so once the page holds better hits the scorer skips the long body postings
            b.add(fields(t, 1f), BooleanClause.Occur.SHOULD);
            b.add(new BoostQuery(new TermQuery(new Term(Fields.BODY, t)), BODY_BOOST), BooleanClause.Occur.SHOULD);
            described.add(titleFields(t, 1f), BooleanClause.Occur.SHOULD);
            if (corrections >= MAX_CORRECTED || t.length() < 4 || Typos.COMMON_STEMS.contains(t) || t.equals(unfinished)) {
                continue;
            }
            long df = docFreq(reader, t);
            SuggestWord[] suggestions = null;
            float boost = TYPO_BOOST;
            if (df == 0) {
                suggestions = spelling.suggest(TYPOS, new Term(Fields.ALL, t), 2, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            } else if (maxDoc >= 1000 && df * 10_000L < maxDoc) {
                suggestions = spelling.suggest(TYPOS, new Term(Fields.ALL, t), 1, reader, SuggestMode.SUGGEST_MORE_POPULAR);
                boost = RARE_TYPO_BOOST;
            }
            if (suggestions != null && suggestions.length > 0) {
                corrections++;
                for (SuggestWord s : suggestions) {
                    if (!terms.contains(s.string) && searched.add(s.string)) {
                        b.add(fields(s.string, boost * s.score), BooleanClause.Occur.SHOULD);
                        described.add(titleFields(s.string, boost * s.score), BooleanClause.Occur.SHOULD);
                    }
                }
                if (df == 0) {
                    corrected.set(i, suggestions[0].string);
                }
            }
        }
        for (int i = 0; i + 1 <= lastOriginal && i < MAX_BIGRAMS; i++) {
            Analysis.Token a = tokens.get(i);
            Analysis.Token c = tokens.get(i + 1);
            List<Query> bigram = new ArrayList<>();
            for (String f : new String[] {Fields.TITLE, Fields.ALIASES}) {
                PhraseQuery.Builder pb = new PhraseQuery.Builder();
                pb.add(new Term(f, a.term()), 0);
                pb.add(new Term(f, c.term()), c.position() - a.position());
                bigram.add(new BoostQuery(pb.build(), 2f));
            }
            b.add(new BoostQuery(new DisjunctionMaxQuery(bigram, 0.1f), BIGRAM_BOOST), BooleanClause.Occur.SHOULD);
        }
        Set<List<String>> expanded = new HashSet<>();
        List<Vocabulary.Match> matches = new ArrayList<>(vocabulary.matches(terms));
        if (!corrected.equals(terms)) {
            matches.addAll(vocabulary.matches(corrected));
        }
        int synonyms = 0;
        // on a large index, a very common word gains nothing from its synonyms but costs a lot
        long common = maxDoc >= 1000 ? maxDoc / 20 : Long.MAX_VALUE;
        for (Vocabulary.Match m : matches) {
            if (m.matched().terms().size() == 1 && docFreq(reader, m.matched().terms().get(0)) > common) {
                continue;
            }
            for (Vocabulary.Member alt : m.alternatives()) {
                if (synonyms >= MAX_SYNONYMS) {
                    break;
                }
                List<String> altTerms = alt.terms();
                if (expanded.contains(altTerms) || (altTerms.size() == 1 && searched.contains(altTerms.get(0)))) {
                    continue;
                }
                if (common != Long.MAX_VALUE && minDocFreq(reader, altTerms) > common) {
                    continue;
                }
                expanded.add(altTerms);
                if (altTerms.size() == 1) {
                    searched.add(altTerms.get(0));
                }
                synonyms++;
                if (altTerms.size() > 1) {
                    phrases.add(alt.tokens());
                }
                Query q = altTerms.size() == 1 ? fields(altTerms.get(0), SYNONYM_BOOST)
                        : phraseFields(alt.tokens(), SYNONYM_BOOST * Math.min(1.5f, 0.5f * altTerms.size() + 0.5f));
                b.add(q, BooleanClause.Occur.SHOULD);
                described.add(altTerms.size() == 1 ? titleFields(altTerms.get(0), SYNONYM_BOOST)
                        : titlePhrase(alt.tokens(), SYNONYM_BOOST), BooleanClause.Occur.SHOULD);
            }
        }
        // ALL holds the title, aliases, summary and keywords; the query's own words are also searched in
        // the body, synonyms and corrections only in the short fields (cheaper, and what matters for them)
        BooleanQuery.Builder m = new BooleanQuery.Builder();
        for (String t : searched) {
            m.add(new TermQuery(new Term(Fields.ALL, t)), BooleanClause.Occur.SHOULD);
            if (terms.contains(t)) {
                m.add(new TermQuery(new Term(Fields.BODY, t)), BooleanClause.Occur.SHOULD);
            }
        }
        for (List<Analysis.Token> phrase : phrases) {
            int base = phrase.get(0).position();
            for (String f : SHORT_FIELDS) {
                PhraseQuery.Builder pb = new PhraseQuery.Builder();
                for (Analysis.Token t : phrase) {
                    pb.add(new Term(f, t.term()), t.position() - base);
                }
                m.add(pb.build(), BooleanClause.Occur.SHOULD);
            }
        }
        // snippets come from the summary: the words, phrases and prefixes to mark in it
        BooleanQuery.Builder hs = new BooleanQuery.Builder();
        for (String t : searched) {
            hs.add(new TermQuery(new Term(Fields.SUMMARY, t)), BooleanClause.Occur.SHOULD);
        }
        for (List<Analysis.Token> phrase : phrases) {
            int base = phrase.get(0).position();
            PhraseQuery.Builder pb = new PhraseQuery.Builder();
            for (Analysis.Token t : phrase) {
                pb.add(new Term(Fields.SUMMARY, t.term()), t.position() - base);
            }
            hs.add(pb.build(), BooleanClause.Occur.SHOULD);
        }
        for (String prefix : parsed.prefixes()) {
            Query spell = prefix(Fields.SPELL, prefix, PREFIX_EXPANSIONS);
            Query body = prefix(Fields.BODY, stemOf(prefix), PREFIX_EXPANSIONS);
            b.add(new DisjunctionMaxQuery(List.of(new BoostQuery(spell, 2f), new BoostQuery(body, BODY_BOOST)), 0.1f),
                    BooleanClause.Occur.SHOULD);
            m.add(new ConstantScoreQuery(spell), BooleanClause.Occur.SHOULD);
            m.add(new ConstantScoreQuery(body), BooleanClause.Occur.SHOULD);
            hs.add(prefix(Fields.SUMMARY, stemOf(prefix), PREFIX_EXPANSIONS), BooleanClause.Occur.SHOULD);
        }
        List<String> begun = typing == null ? List.of() : Completions.beginning(reader, typing, TYPING_EXPANSIONS);
        if (!begun.isEmpty()) {
            // the commonest words it begins, looked up once here rather than by each search of the query
            BooleanQuery.Builder sb = new BooleanQuery.Builder();
            if (!typingUnfinished) {
                sb.add(new TermQuery(new Term(Fields.SPELL, typing)), BooleanClause.Occur.SHOULD); // the word itself
            }
            for (String w : begun) {
                sb.add(new TermQuery(new Term(Fields.SPELL, w)), BooleanClause.Occur.SHOULD);
            }
            Query started = sb.build();
            // a word it begins never outranks the word itself: when the word is known, its completions
            // add a constant below any exact match (which they match too); else they are scored
            b.add(typingUnfinished ? started : new BoostQuery(new ConstantScoreQuery(started), TYPING_BOOST),
                    BooleanClause.Occur.SHOULD);
            m.add(new ConstantScoreQuery(started), BooleanClause.Occur.SHOULD);
        }
        Relief relief = tokens.isEmpty() ? Relief.NONE : Relief.find(searcher, described.build());
        relief.addScoring(b);
        relief.addMatching(m);
        for (String phrase : parsed.phrases()) {
            Query together = together(reader, phrase, spelling);
            if (together != null) {
                b.add(together, BooleanClause.Occur.FILTER);
                m.add(together, BooleanClause.Occur.FILTER);
            }
        }
        for (String word : parsed.excluded()) {
            Query out = anyField(Analysis.tokens(Analysis.text(), word, MAX_TERMS));
            if (out != null) {
                b.add(out, BooleanClause.Occur.MUST_NOT);
                m.add(out, BooleanClause.Occur.MUST_NOT);
            }
        }
        return new Built(b.build(), new ConstantScoreQuery(m.build()), hs.build(), relief);
    }

    /** Whether some word of the index's short fields (unstemmed) begins with {@code prefix}. */
    static boolean beginsAWord(IndexReader reader, String prefix) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, Fields.SPELL);
        if (terms == null) {
            return false;
        }
        TermsEnum te = terms.iterator();
        BytesRef p = new BytesRef(prefix);
        return te.seekCeil(p) != TermsEnum.SeekStatus.END && StringHelper.startsWith(te.term(), p);
    }

    /** The word being typed, folded, when it is long enough and not a stop word; else null. */
    private static String typingPrefix(QuerySyntax.Parsed parsed) {
        if (parsed.typing() == null) {
            return null;
        }
        List<String> w = Analysis.terms(Analysis.plain(), parsed.typing(), 2);
        if (w.size() != 1 || w.get(0).length() < QuerySyntax.MIN_TYPING_PREFIX || Analysis.STOP_WORDS.contains(w.get(0))) {
            return null;
        }
        return w.get(0);
    }

    private static String stemOf(String word) {
        List<String> stem = Analysis.stem(List.of(word));
        return stem.isEmpty() ? word : stem.get(0);
    }

    /** Words that begin with {@code prefix} in {@code field}, at most {@code max} of the commonest. */
    private static Query prefix(String field, String prefix, int max) {
        return new PrefixQuery(new Term(field, prefix), new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(max));
    }

    /**
     * Items where the quoted {@code phrase} occurs, as written or as a whole-phrase synonym, after the
     * same analysis as every word (null when no word of it is left).
     */
    private Query together(IndexReader reader, String phrase, Spelling spelling) throws IOException {
        List<Analysis.Token> tokens = Analysis.tokens(Analysis.text(), compounds.rewrite(reader, phrase, spelling), MAX_TERMS);
        if (tokens.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        any.add(anyField(tokens), BooleanClause.Occur.SHOULD);
        List<String> terms = tokens.stream().map(Analysis.Token::term).toList();
        int synonyms = 0;
        for (Vocabulary.Match match : vocabulary.matches(terms)) {
            if (match.start() != 0 || match.end() != terms.size()) {
                continue;
            }
            for (Vocabulary.Member alt : match.alternatives()) {
                if (synonyms++ < MAX_SYNONYMS) {
                    any.add(anyField(alt.tokens()), BooleanClause.Occur.SHOULD);
                }
            }
        }
        return any.build();
    }

    /** The analyzed words in a row (one word: that word) in any searched field, or null for none. */
    private static Query anyField(List<Analysis.Token> tokens) {
        if (tokens.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int base = tokens.get(0).position();
        for (String f : Fields.WEIGHTED) {
            if (tokens.size() == 1) {
                any.add(new TermQuery(new Term(f, tokens.get(0).term())), BooleanClause.Occur.SHOULD);
                continue;
            }
            PhraseQuery.Builder pb = new PhraseQuery.Builder();
            for (Analysis.Token t : tokens) {
                pb.add(new Term(f, t.term()), t.position() - base);
            }
            any.add(pb.build(), BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    /** {@code term} in a symptom's title or aliases, weighed as the ranking weighs them (see ShortFields). */
    private static Query titleFields(String term, float boost) {
        Query q = new TermQuery(new Term(Fields.SYMPTOM_SHORT, term));
        return boost == 1f ? q : new BoostQuery(q, boost);
    }

    /** The words in a row in a symptom's title or aliases (the fields only symptoms have). */
    private static Query titlePhrase(List<Analysis.Token> tokens, float boost) {
        List<Query> qs = new ArrayList<>(2);
        int base = tokens.get(0).position();
        for (int i = 0; i < 2; i++) {
            PhraseQuery.Builder pb = new PhraseQuery.Builder();
            for (Analysis.Token t : tokens) {
                pb.add(new Term(SymptomNames.of(Fields.WEIGHTED[i]), t.term()), t.position() - base);
            }
            qs.add(new BoostQuery(pb.build(), Fields.WEIGHTS[i]));
        }
        return new BoostQuery(new DisjunctionMaxQuery(qs, 0.1f), boost);
    }

    private static long minDocFreq(IndexReader reader, List<String> terms) throws IOException {
        long min = Long.MAX_VALUE;
        for (String t : terms) {
            min = Math.min(min, docFreq(reader, t));
        }
        return min;
    }

    private static long docFreq(IndexReader reader, String term) throws IOException {
        TermLookups lookups = TermLookups.of(reader);
        return (long) lookups.docFreq(new Term(Fields.ALL, term)) + lookups.docFreq(new Term(Fields.BODY, term));
    }

    private static final String[] SHORT_FIELDS = java.util.Arrays.stream(Fields.WEIGHTED)
            .filter(f -> !f.equals(Fields.BODY)).toArray(String[]::new);

    /** {@code term} in the short fields, weighed by where it occurs (see ShortFields). */
    private static Query fields(String term, float boost) {
        Query q = new TermQuery(new Term(Fields.SHORT, term));
        return boost == 1f ? q : new BoostQuery(q, boost);
    }

    private static Query phraseFields(List<Analysis.Token> tokens, float boost) {
        List<Query> qs = new ArrayList<>(Fields.WEIGHTED.length);
        int base = tokens.get(0).position();
        for (int i = 0; i < Fields.WEIGHTED.length; i++) {
            if (Fields.WEIGHTED[i].equals(Fields.BODY)) {
                continue;
            }
            PhraseQuery.Builder pb = new PhraseQuery.Builder();
            for (Analysis.Token t : tokens) {
                pb.add(new Term(Fields.WEIGHTED[i], t.term()), t.position() - base);
            }
            qs.add(new BoostQuery(pb.build(), Fields.WEIGHTS[i]));
        }
        return new BoostQuery(new DisjunctionMaxQuery(qs, 0.1f), boost);
    }

    /** A plain BM25 query over the body: the reference the benchmark compares with. */
    public Query plainQuery(String text) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : new LinkedHashSet<>(Analysis.terms(Analysis.text(), text, MAX_TERMS))) {
            b.add(new TermQuery(new Term(Fields.BODY, t)), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    static Query filtered(Query text, Set<ContentType> types, BodyArea area, Pressure pressure) {
        if ((types == null || types.isEmpty()) && area == null && pressure == null) {
            return text;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
        if (types != null && !types.isEmpty()) {
            BooleanQuery.Builder tb = new BooleanQuery.Builder();
            for (ContentType t : types) {
                tb.add(new TermQuery(new Term(Fields.TYPE, t.key())), BooleanClause.Occur.SHOULD);
            }
            b.add(tb.build(), BooleanClause.Occur.FILTER);
        }
        if (area != null) {
            b.add(new TermQuery(new Term(Fields.AREA, area.key())), BooleanClause.Occur.FILTER);
        }
        if (pressure != null) {
            b.add(new TermQuery(new Term(Fields.PRESSURE, pressure.key())), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    /**
     * Runs a search. Facets are counted over all hits; a dimension that is filtered is counted without
     * its own filter (so a client can offer the other values), the others with every filter.
     */
    public SearchResponse search(IndexSearcher searcher, SearchRequest request, RedFlagDetector detector)
            throws IOException {
        String text = request.query();
        IndexReader reader = searcher.getIndexReader();
        QuerySyntax.Parsed parsed = QuerySyntax.parse(text);
        // red flags read the words without the syntax: "-numbness" or quotes never hide a warning
        List<RedFlag> redFlags = detector.detect(parsed.plain(), word -> knownWord(reader, word));
        if (parsed.onlyExclusions()) {
            return new SearchResponse(text, 0, List.of(), noFacets(), null, redFlags, ONLY_EXCLUSIONS);
        }
        // one query's look-ups share the automata of its unknown words (typos, compounds, "did you mean")
        Spelling spelling = new Spelling();
        Built built = build(searcher, parsed, spelling);
        Query query = built.scoring();
        Set<ContentType> types = request.types();
        BodyArea area = request.bodyArea();
        Pressure pressure = request.pressure();

        EnumSet<FacetCounter.Dimension> unfiltered = EnumSet.allOf(FacetCounter.Dimension.class);
        if (!types.isEmpty()) {
            unfiltered.remove(FacetCounter.Dimension.TYPE);
        }
        if (area != null) {
            unfiltered.remove(FacetCounter.Dimension.BODY_AREA);
        }
        if (pressure != null) {
            unfiltered.remove(FacetCounter.Dimension.PRESSURE);
        }
        long from = (long) request.page() * request.size();
        int window = (int) Math.min(MAX_WINDOW, Math.max(1, from + request.size()));
        TermLookups lookups = TermLookups.of(reader);
        FacetCounter counter = new FacetCounter(unfiltered);
        TopDocs topDocs = rankAndCount(searcher, lookups.withStates(filtered(query, types, area, pressure)),
                filtered(built.matching(), types, area, pressure), window, counter);

        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (FacetCounter.Dimension d : FacetCounter.Dimension.values()) {
            if (unfiltered.contains(d)) {
                facets.put(d.key(), java.util.Collections.unmodifiableMap(counter.counts(d)));
            } else {
                FacetCounter own = new FacetCounter(EnumSet.of(d));
                MatchBits.count(searcher, filtered(built.matching(), d == FacetCounter.Dimension.TYPE ? Set.of() : types,
                        d == FacetCounter.Dimension.BODY_AREA ? null : area,
                        d == FacetCounter.Dimension.PRESSURE ? null : pressure), own);
                facets.put(d.key(), java.util.Collections.unmodifiableMap(own.counts(d)));
            }
        }

        List<SearchHit> hits = new ArrayList<>();
        if (from < topDocs.scoreDocs.length && request.size() > 0) {
            int to = (int) Math.min(topDocs.scoreDocs.length, from + request.size());
            ScoreDoc[] page = java.util.Arrays.copyOfRange(topDocs.scoreDocs, (int) from, to);
            hits = built.relief().explain(searcher, page, hits(searcher, built, page));
        }
        String typing = typingPrefix(parsed);
        boolean unfinished = typing != null && !knownWord(reader, typing) && beginsAWord(reader, typing);
        return new SearchResponse(text, counter.count(), hits, facets,
                didYouMean(reader, parsed.words(), unfinished ? typing : null, spelling), redFlags);
    }

    /**
     * Ranks the first {@code window} hits of {@code ranked} in a pass that skips the hits that cannot be
     * among them, and counts every hit of {@code matching} (the same documents as {@code ranked}, without
     * scores) into {@code counter} from bit sets of postings. Measured against one pass that ranks every hit
     * and counts it as it goes ({@code ProfileMain}, thread CPU per query): 0.44 against 0.69 ms at 10,000 items,
     * 0.29 against 0.36 ms at 1,000.
     */
    static TopDocs rankAndCount(IndexSearcher searcher, Query ranked, Query matching, int window, FacetCounter counter)
            throws IOException {
        TopDocs top = rankSkipping(searcher, ranked, window);
        MatchBits.count(searcher, matching, counter);
        return top;
    }

    /** The first {@code window} hits of {@code ranked}, Lucene skipping the hits that cannot be among them. */
    static TopDocs rankSkipping(IndexSearcher searcher, Query ranked, int window) throws IOException {
        return searcher.search(ranked, new TopScoreDocCollectorManager(window, null, window));
    }

    private static Map<String, Map<String, Long>> noFacets() {
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (FacetCounter.Dimension d : FacetCounter.Dimension.values()) {
            facets.put(d.key(), Map.of());
        }
        return facets;
    }

    private static final Set<String> PAGE_FIELDS = Set.of(Fields.TYPE, Fields.SLUG, Fields.TITLE, Fields.SUMMARY);

    /** Type, slug, title and summary of each hit, from the page doc value, else from the stored fields. */
    private static List<IndexDocuments.Page> pages(IndexSearcher searcher, ScoreDoc[] page) throws IOException {
        StoredFields stored = searcher.storedFields();
        return HitValues.read(searcher.getIndexReader(), page, leaf -> leaf.getBinaryDocValues(Fields.PAGE),
                (BinaryDocValues dv, int leafDoc, int doc) -> {
                    if (dv != null && dv.advanceExact(leafDoc)) {
                        return IndexDocuments.readPage(dv.binaryValue(), true);
                    }
                    Document d = stored.document(doc, PAGE_FIELDS);
                    return new IndexDocuments.Page(d.get(Fields.TYPE), d.get(Fields.SLUG), d.get(Fields.TITLE),
                            d.get(Fields.SUMMARY), null);
                });
    }

    private List<SearchHit> hits(IndexSearcher searcher, Built built, ScoreDoc[] page) throws IOException {
        // what a hit shows comes from one doc value; its snippet is its summary with the query's words marked
        // (its words as the index analyzed them are kept beside it), or the summary itself when none is in it
        ShortSnippets snippets = ShortSnippets.of(built.highlightSummary(), Fields.SUMMARY);
        List<IndexDocuments.Page> pages = pages(searcher, page);
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            IndexDocuments.Page p = pages.get(i);
            String snippet = snippets.snippet(p.summary(), p.summaryWords());
            if (snippet == null || snippet.isEmpty()) {
                snippet = MarkFormatter.escape(abbreviate(p.summary()));
            }
            hits.add(new SearchHit(p.type(), p.slug(), p.title(), snippet, page[i].score));
        }
        return hits;
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        if (s.length() <= SNIPPET_FALLBACK) {
            return s;
        }
        int cut = s.lastIndexOf(' ', SNIPPET_FALLBACK);
        return s.substring(0, cut > 0 ? cut : SNIPPET_FALLBACK) + " …";
    }

    /** Whether the index knows this lower-case word as written. */
    public static boolean knownWord(IndexReader reader, String word) {
        try {
            return TermLookups.of(reader).docFreq(new Term(Fields.SPELL, word)) > 0;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** The query with each word the index does not know replaced by its best correction, or null. */
    public String didYouMean(IndexReader reader, String text) throws IOException {
        return didYouMean(reader, text, null, new Spelling());
    }

    /** As {@link #didYouMean(IndexReader, String)}, leaving a last word still being typed ({@code typing}) as it is. */
    private String didYouMean(IndexReader reader, String text, String typing, Spelling spelling) throws IOException {
        List<String> words = Analysis.terms(Analysis.plain(), text, MAX_TERMS * 2);
        if (words.isEmpty()) {
            return null;
        }
        boolean changed = false;
        List<String> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.length() < 4 || Analysis.STOP_WORDS.contains(w) || (i == words.size() - 1 && w.equals(typing)) || Typos.COMMON_WORDS.contains(w)
                    || TermLookups.of(reader).docFreq(new Term(Fields.SPELL, w)) > 0
                    || !w.chars().allMatch(Character::isLetter) || Compounds.inBodies(reader, w)) {
                out.add(w);
                continue;
            }
            SuggestWord[] s = spelling.suggest(w.length() >= 8 ? LONG_SPELLING : SPELLING, new Term(Fields.SPELL, w), 1, reader,
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            if (s.length > 0) {
                out.add(s[0].string);
                changed = true;
            } else {
                out.add(w);
            }
        }
        return changed ? String.join(" ", out) : null;
    }

    /**
     * Completions of the typed text's last word to words the content uses, commonest first, and
     * items whose title or an alias has words starting with the typed words, title matches first.
     */
    public SuggestResponse suggest(IndexSearcher searcher, String prefix, int limit) throws IOException {
        SuggestResponse items = suggestItems(searcher, prefix, limit);
        return new SuggestResponse(items.suggestions(), Completions.of(searcher.getIndexReader(), prefix,
                Math.max(1, Math.min(Completions.MAX, limit))));
    }

    private SuggestResponse suggestItems(IndexSearcher searcher, String prefix, int limit) throws IOException {
        List<String> words = Analysis.terms(Analysis.plain(), prefix, 8);
        if (words.isEmpty()) {
            return new SuggestResponse(List.of());
        }
        int n = Math.max(1, Math.min(50, limit));
        String key = IndexDocuments.normalizeTitle(String.join(" ", words));
        Sort sort = new Sort(SortField.FIELD_SCORE, new SortField(Fields.TITLE_SORT, SortField.Type.STRING));
        if (key.length() < 3) {
            // one or two letters: titles that start with them, alphabetically (cheap on any index size)
            return suggestions(searcher, searcher.search(new PrefixQuery(new Term(Fields.TITLE_PREFIX, key)), n,
                    sort, false));
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean last = i == words.size() - 1;
            Query q = last ? new PrefixQuery(new Term(Fields.SUGGEST, w)) : new TermQuery(new Term(Fields.SUGGEST, w));
            b.add(q, BooleanClause.Occur.MUST);
            Query inTitle = last ? new PrefixQuery(new Term(Fields.SUGGEST_TITLE, w))
                    : new TermQuery(new Term(Fields.SUGGEST_TITLE, w));
            b.add(new BoostQuery(inTitle, 2f), BooleanClause.Occur.SHOULD);
        }
        b.add(new BoostQuery(new PrefixQuery(new Term(Fields.TITLE_PREFIX, key)), 4f), BooleanClause.Occur.SHOULD);
        return suggestions(searcher, searcher.search(b.build(), n, sort, true));
    }

    private static SuggestResponse suggestions(IndexSearcher searcher, TopFieldDocs docs) throws IOException {
        StoredFields stored = searcher.storedFields();
        Set<String> wanted = Set.of(Fields.TYPE, Fields.SLUG, Fields.TITLE);
        List<Suggestion> out = new ArrayList<>();
        for (ScoreDoc sd : docs.scoreDocs) {
            Document d = stored.document(sd.doc, wanted);
            out.add(new Suggestion(d.get(Fields.TITLE), d.get(Fields.TYPE), d.get(Fields.SLUG)));
        }
        return new SuggestResponse(out);
    }

    /** Red flags alone (for callers that do not need hits). */
    public List<RedFlag> redFlags(IndexSearcher searcher, String text, RedFlagDetector detector) {
        IndexReader reader = searcher.getIndexReader();
        Predicate<String> known = w -> knownWord(reader, w);
        return detector.detect(QuerySyntax.parse(text).plain(), known);
    }
}
