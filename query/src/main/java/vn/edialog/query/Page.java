package vn.edialog.query;

import java.util.List;

/**
 * One page of a read model's answer: the items of page {@code page} (from 0) of {@code size} items, and how many items
 * match in total.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** The largest page a query serves. */
    public static final int MAX_SIZE = 100;

    public Page {
        items = List.copyOf(items);
    }

    /** The number of pages holding {@link #total} items. */
    public long pages() {
        return (total + size - 1) / size;
    }

    /** Refuses a page request outside {@code page >= 0} and {@code 1 <= size <= MAX_SIZE}. */
    public static void check(int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative: " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ": " + size);
        }
    }
}
