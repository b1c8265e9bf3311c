package org.knead.search.internal;

import java.text.BreakIterator;
import java.text.CharacterIterator;

/**
 * A cheap sentence break iterator for snippets: a boundary after '.', '!' or '?' followed by white
 * space, and after every line break. The JDK's rule-based sentence iterator costs far more per
 * character, and snippets only need passages that end where sentences end.
 */
final class SentenceBreaks extends BreakIterator {

    private CharacterIterator text;
    private char[] chars = new char[0];
    private int begin;
    private int end;
    private int current;

    private boolean breaksBefore(int p) {
        char c = chars[p - 1 - begin];
        if (c == '\n') {
            return true;
        }
        if (Character.isWhitespace(c) && p - 2 >= begin) {
            char d = chars[p - 2 - begin];
            return d == '.' || d == '!' || d == '?';
        }
        return false;
    }

    @Override
    public int first() {
        return current = begin;
    }

    @Override
    public int last() {
        return current = end;
    }

    @Override
    public int current() {
        return current;
    }

    @Override
    public int next() {
        if (current >= end) {
            return DONE;
        }
        return forward(current);
    }

    private int forward(int from) {
        for (int p = from + 1; p < end; p++) {
            if (breaksBefore(p)) {
                return current = p;
            }
        }
        return current = end;
    }

    private int backward(int from) {
        for (int p = from - 1; p > begin; p--) {
            if (breaksBefore(p)) {
                return current = p;
            }
        }
        return current = begin;
    }

    @Override
    public int next(int n) {
        int result = current;
        if (n < 0) {
            for (int i = 0; i < -n && result != DONE; i++) {
                result = previous();
            }
        } else {
            for (int i = 0; i < n && result != DONE; i++) {
                result = next();
            }
        }
        return result;
    }

    @Override
    public int previous() {
        if (current <= begin) {
            return DONE;
        }
        return backward(current);
    }

    @Override
    public int following(int offset) {
        if (offset < begin || offset > end) {
            throw new IllegalArgumentException("offset out of bounds: " + offset);
        }
        if (offset == end) {
            current = end;
            return DONE;
        }
        return forward(offset);
    }

    @Override
    public int preceding(int offset) {
        if (offset < begin || offset > end) {
            throw new IllegalArgumentException("offset out of bounds: " + offset);
        }
        if (offset == begin) {
            current = begin;
            return DONE;
        }
        return backward(offset);
    }

    @Override
    public boolean isBoundary(int offset) {
        if (offset < begin || offset > end) {
            throw new IllegalArgumentException("offset out of bounds: " + offset);
        }
        if (offset == begin || offset == end || breaksBefore(offset)) {
            current = offset;
            return true;
        }
        following(offset);
        return false;
    }

    @Override
    public CharacterIterator getText() {
        return text;
    }

    @Override
    public void setText(CharacterIterator newText) {
        text = newText;
        begin = newText.getBeginIndex();
        end = newText.getEndIndex();
        chars = new char[end - begin];
        int i = 0;
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            chars[i++] = c;
        }
        newText.setIndex(begin);
        current = begin;
    }
}
