package org.knead.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The analysis chains. One chain for indexing and querying the text fields (English: possessives,
 * lower case, accents folded, stop words, Porter stemming); a plain chain (lower case, folded, no
 * stemming) for spelling and suggestions.
 */
public final class Analysis {

    /** English stop words: Lucene's list widened with pronouns and auxiliaries people type in questions. */
    public static final CharArraySet STOP_WORDS = CharArraySet.unmodifiableSet(new CharArraySet(List.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no",
            "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to",
            "was", "will", "with", "i", "me", "my", "myself", "we", "our", "you", "your", "he", "she", "his", "her",
            "its", "them", "what", "which", "who", "whom", "when", "where", "why", "how", "am", "were", "been",
            "being", "have", "has", "had", "having", "do", "does", "did", "doing", "would", "should", "could", "can",
            "from", "so", "than", "too", "very", "just", "all", "any", "some", "about", "im", "i'm", "ive", "i've",
            "also", "really", "s", "t"), false));

    public static final int POSITION_GAP = 100;

    private static final Analyzer TEXT = new FoldingAnalyzer(true);
    private static final Analyzer PLAIN = new FoldingAnalyzer(false);

    /**
     * Standard tokens, lower case, accents folded; in its English form also possessives, stop words
     * and Porter stemming.
     */
    private static final class FoldingAnalyzer extends Analyzer {

        private final boolean english;

        FoldingAnalyzer(boolean english) {
            this.english = english;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            source.setMaxTokenLength(64);
            TokenStream ts = english ? new EnglishPossessiveFilter(source) : source;
            ts = new ASCIIFoldingFilter(new LowerCaseFilter(ts));
            if (english) {
                ts = new PorterStemFilter(new StopFilter(ts, STOP_WORDS));
            }
            return new TokenStreamComponents(source, ts);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }

        @Override
        public int getPositionIncrementGap(String fieldName) {
            return POSITION_GAP;
        }
    }

    /** Stems words that are already lower case and split on spaces. */
    private static final Analyzer STEM = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new WhitespaceTokenizer();
            return new TokenStreamComponents(source, new PorterStemFilter(source));
        }
    };

    /** Adjacent words written together ("trigger point" -> "triggerpoint"): the compounds a query may use. */
    private static final Analyzer JOINED = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            source.setMaxTokenLength(64);
            ShingleFilter shingles = new ShingleFilter(new ASCIIFoldingFilter(new LowerCaseFilter(source)), 2, 2);
            shingles.setTokenSeparator("");
            shingles.setOutputUnigrams(false);
            return new TokenStreamComponents(source, shingles);
        }
    };

    private static final Analyzer PER_FIELD = new PerFieldAnalyzerWrapper(TEXT,
            Map.of(Fields.SPELL, PLAIN, Fields.SUGGEST, PLAIN, Fields.SUGGEST_TITLE, PLAIN, Fields.JOINED, JOINED));

    private Analysis() {
    }

    public static Analyzer text() {
        return TEXT;
    }

    public static Analyzer plain() {
        return PLAIN;
    }

    /** The analyzer of the index writer: text fields stemmed, spelling and suggestion fields plain. */
    public static Analyzer perField() {
        return PER_FIELD;
    }

    /** An analyzed token and its position. */
    public record Token(String term, int position) {
    }

    /** Analyzes {@code text}, keeping at most {@code max} tokens. */
    public static List<Token> tokens(Analyzer analyzer, String text, int max) {
        List<Token> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken() && out.size() < max) {
                pos += inc.getPositionIncrement();
                out.add(new Token(term.toString(), pos));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The analyzed terms of {@code text}, positions dropped. */
    public static List<String> terms(Analyzer analyzer, String text, int max) {
        return tokens(analyzer, text, max).stream().map(Token::term).toList();
    }

    /** Porter stems of lower-case words, one for one. */
    public static List<String> stem(List<String> words) {
        if (words.isEmpty()) {
            return List.of();
        }
        List<String> stems = terms(STEM, String.join(" ", words), Integer.MAX_VALUE);
        return stems.size() == words.size() ? stems : words;
    }

    private static final java.util.regex.Pattern FENCE = java.util.regex.Pattern.compile("(?m)^```.*$");
    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final java.util.regex.Pattern BLOCK = java.util.regex.Pattern.compile(
            "(?m)^[ ]{0,3}(#{1,6}|>+|[-*+]|\\d+[.)])[ \\t]+");
    private static final java.util.regex.Pattern RULE = java.util.regex.Pattern.compile("(?m)^[ \\t]*([-*_][ \\t]*){3,}$");
    private static final java.util.regex.Pattern EMPHASIS = java.util.regex.Pattern.compile("[*_`~]{1,3}");
    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("<[^<>]{0,200}>");

    /** Markdown source to plain text, good enough for indexing and snippets. */
    public static String markdownToText(String markdown) {
        if (markdown == null || markdown.isEmpty()) {
            return "";
        }
        String s = markdown;
        if (s.indexOf("```") >= 0) {
            s = FENCE.matcher(s).replaceAll(" ");
        }
        if (s.indexOf('[') >= 0) {
            s = LINK.matcher(s).replaceAll("$1");
        }
        s = BLOCK.matcher(s).replaceAll("");
        if (s.indexOf("---") >= 0 || s.indexOf("***") >= 0 || s.indexOf("___") >= 0) {
            s = RULE.matcher(s).replaceAll(" ");
        }
        s = EMPHASIS.matcher(s).replaceAll("");
        if (s.indexOf('<') >= 0) {
            s = TAG.matcher(s).replaceAll(" ");
        }
        return s;
    }
}
