package vn.edialog.command.text;

/**
 * Makes a text fit a column: a value longer than the column's limit keeps its beginning and ends with "…". Limits
 * count code points, as PostgreSQL counts the characters of a {@code varchar(n)}; a surrogate pair is never split.
 */
public final class Fit {

    public static final String ELLIPSIS = "…";

    private Fit() {}

    /** {@code value} itself when it has at most {@code max} code points, else its first {@code max - 1} and "…". */
    public static String shorten(String value, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("A limit must be at least 1, not " + max);
        }
        if (value == null || value.codePointCount(0, value.length()) <= max) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, max - 1)) + ELLIPSIS;
    }
}
