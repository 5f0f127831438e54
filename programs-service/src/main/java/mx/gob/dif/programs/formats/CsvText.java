package mx.gob.dif.programs.formats;

import mx.gob.dif.common.csv.CsvCells;

/**
 * Text cells of the plan CSV: written through {@link CsvCells#safe} (formula-injection guard) and
 * read back without the guard's apostrophe, so an exported plan re-imports unchanged.
 *
 * <p>The guard alone is not invertible for text that already starts with apostrophes before a
 * formula character ({@code '=x} is written as is, and reading would strip its apostrophe), so such
 * text gets one more apostrophe on export. The rule: a cell whose leading apostrophes are followed
 * by a character the guard protects ({@link #guarded}) is written with one more apostrophe, and on
 * import exactly one is removed from such a cell.
 */
final class CsvText {

    private CsvText() {
    }

    /** The cell to write for a text value. */
    static String write(String text) {
        return guarded(text) && text.charAt(0) == '\'' ? "'" + text : CsvCells.safe(text);
    }

    /** The text value of a cell read from a file (the inverse of {@link #write}). */
    static String read(String cell) {
        return cell.startsWith("'") && guarded(cell.substring(1)) ? cell.substring(1) : cell;
    }

    /** True when the text, after any leading apostrophes, starts as {@link CsvCells#safe} guards it. */
    private static boolean guarded(String text) {
        String rest = text.replaceFirst("^'+", "");
        return !rest.isEmpty() && !CsvCells.safe(rest).equals(rest);
    }
}
