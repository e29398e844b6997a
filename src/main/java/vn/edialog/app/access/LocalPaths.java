package vn.edialog.app.access;

import java.util.Optional;

/**
 * Where a page may send a browser after sign-in: only a path of this product, on this origin. Browsers forgive a lot
 * ({@code /\host} and {@code /<TAB>/host} both become {@code //host}, another site), so anything unusual is refused
 * rather than repaired: a single leading {@code /}, no second {@code /} right after it, no backslash, no control
 * character or whitespace, no scheme, no encoded slash, backslash or control character, no dot segment.
 */
final class LocalPaths {

    private LocalPaths() {}

    /** The path itself when it is a safe same-origin path of the product; empty otherwise. */
    static Optional<String> safe(String next) {
        if (next == null || next.isEmpty() || next.length() > 2000 || next.charAt(0) != '/') {
            return Optional.empty();
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c <= 0x20
                    || c == 0x7f
                    || c == '\\'
                    || Character.isWhitespace(c)
                    || Character.isSpaceChar(c)
                    || Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT) {
                return Optional.empty();
            }
        }
        String path = pathPart(next);
        String lower = next.toLowerCase(java.util.Locale.ROOT);
        if (next.startsWith("//")
                || path.contains(":")
                // Encoded slash, backslash, control characters, or a doubly encoded percent: decoded later by
                // someone, they could become any of the above.
                || lower.matches(".*%(2f|5c|25|0[0-9a-f]|1[0-9a-f]|7f|20).*")
                || path.contains("//")
                || path.contains("/./")
                || path.contains("/../")
                || path.endsWith("/..")
                || path.endsWith("/.")) {
            return Optional.empty();
        }
        return Optional.of(next);
    }

    /** The safe path, or the given default. */
    static String safeOr(String next, String fallback) {
        return safe(next).orElse(fallback);
    }

    private static String pathPart(String next) {
        int end = next.length();
        int query = next.indexOf('?');
        int fragment = next.indexOf('#');
        if (query >= 0) {
            end = query;
        }
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        return next.substring(0, end);
    }
}
