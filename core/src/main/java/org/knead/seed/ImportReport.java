package org.knead.seed;

import java.util.List;

/**
 * What an import did, or with {@link #dryRun()} would do: one line per item brought in, skipped or
 * refused, one per problem found, and notes on what of the file was not carried over. When
 * {@link #isRefused()}, nothing was written.
 *
 * @param dryRun           only checked, never writes
 * @param written          the items were written (false for a dry run and for a refused file)
 * @param imported         items brought in (or that would be), each as drafts
 * @param revisions        their revisions
 * @param skipped          ids of items that already exist here, left as they are
 * @param awaitingReview   of the imported items, those that were public where they came from and now
 *                         wait for a review here
 * @param reviewsDropped   review decisions (clinical or not) in the file that were not carried over
 * @param leftoversReplaced revisions left by an interrupted import of the same items, replaced
 */
public record ImportReport(boolean dryRun, boolean written, List<Line> lines, int imported, int revisions,
        List<String> skipped, int awaitingReview, int reviewsDropped, int leftoversReplaced) {

    public ImportReport {
        lines = List.copyOf(lines);
        skipped = List.copyOf(skipped);
    }

    /** What a line says about its subject. */
    public enum Kind {
        /** the item is (or would be) brought in */
        IMPORT("import"),
        /** the item already exists here and is not touched */
        SKIP("skip"),
        /** revisions left by an interrupted import are replaced */
        REPLACE("replace"),
        /** something in the file that is not carried over */
        NOTE("note"),
        /** a problem: the whole file is refused */
        REFUSED("REFUSED");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One line of the report.
     *
     * @param subject the item ({@code type:slug}) or revision ({@code type:slug#2}) it is about, or
     *                {@code file} for the file as a whole
     */
    public record Line(Kind kind, String subject, String text) {

        @Override
        public String toString() {
            return String.format("%-8s %s: %s", kind.label(), subject, text);
        }
    }

    public List<Line> refused() {
        return lines.stream().filter(l -> l.kind() == Kind.REFUSED).toList();
    }

    public boolean isRefused() {
        return lines.stream().anyMatch(l -> l.kind() == Kind.REFUSED);
    }

    /** The last line: what happened, in one sentence. */
    public String summary() {
        if (isRefused()) {
            long items = refused().stream().map(l -> l.subject().replaceFirst("#.*$", "")).distinct().count();
            return "Refused: " + count(refused().size(), "problem") + " in " + count((int) items, "item")
                    + " of the file; nothing was written"
                    + (dryRun ? " (dry run)" : "") + ".";
        }
        String counts = count(imported, "item") + " (" + count(revisions, "revision") + ") as drafts, "
                + awaitingReview + " of them public at the source and now awaiting review; " + skipped.size()
                + " skipped because they already exist; " + count(reviewsDropped, "review")
                + " in the file not carried over";
        return dryRun ? "Dry run, nothing written: the import would bring in " + counts + "."
                : "Imported " + counts + ". Nothing was published.";
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** Every line, then the summary: what {@code ./knead import} prints. */
    public String format() {
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            out.append(line).append('\n');
        }
        return out.append(summary()).append('\n').toString();
    }
}
