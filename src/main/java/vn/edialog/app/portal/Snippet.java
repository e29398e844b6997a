package vn.edialog.app.portal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A short excerpt of a published text around the first place it matches the search, with the matching words marked.
 * Matches are found the way the search finds them: without diacritics and case ("thue" marks "Thuế"), whole words,
 * and inside words for a single short term. Pure text: the template escapes each segment.
 */
final class Snippet {

    /** A piece of the excerpt; {@code match} when it is one of the searched words. */
    record Segment(String text, boolean match) {}

    static final int LENGTH = 220;
    private static final int BEFORE = 60;
    private static final String ELLIPSIS = "…";

    private Snippet() {}

    /** The excerpt of {@code text} for {@code query} (blank: the beginning of the text). */
    static List<Segment> of(String text, String query) {
        String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        Folded folded = Folded.of(flat);
        List<String> terms = terms(query);
        boolean inside = terms.size() == 1 && terms.get(0).length() <= 3;
        List<int[]> matches = new ArrayList<>();
        for (String term : terms) {
            int from = 0;
            for (int at = folded.text.indexOf(term, from); at >= 0; at = folded.text.indexOf(term, from)) {
                int end = at + term.length();
                if (inside || (isBoundary(folded.text, at - 1) && isBoundary(folded.text, end))) {
                    matches.add(new int[] {folded.original(at), folded.originalEnd(end)});
                }
                from = at + 1;
            }
        }
        matches.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        int start = 0;
        if (!matches.isEmpty() && matches.get(0)[0] > BEFORE) {
            start = flat.indexOf(' ', matches.get(0)[0] - BEFORE) + 1;
        }
        int end = Math.min(flat.length(), start + LENGTH);
        if (end < flat.length()) {
            int space = flat.lastIndexOf(' ', end);
            end = space > start ? space : end;
        }
        List<Segment> segments = new ArrayList<>();
        StringBuilder plain = new StringBuilder(start > 0 ? ELLIPSIS : "");
        int position = start;
        for (int[] match : matches) {
            int matchStart = Math.max(match[0], position);
            int matchEnd = Math.min(match[1], end);
            if (matchStart >= matchEnd) {
                continue;
            }
            plain.append(flat, position, matchStart);
            if (!plain.isEmpty()) {
                segments.add(new Segment(plain.toString(), false));
                plain.setLength(0);
            }
            segments.add(new Segment(flat.substring(matchStart, matchEnd), true));
            position = matchEnd;
        }
        plain.append(flat, position, end);
        if (end < flat.length()) {
            plain.append(ELLIPSIS);
        }
        if (!plain.isEmpty()) {
            segments.add(new Segment(plain.toString(), false));
        }
        return segments;
    }

    /** Whether the text contains one of the query's words (diacritics and case ignored). */
    static boolean mentions(String text, String query) {
        String folded = Folded.of(text == null ? "" : text).text;
        return terms(query).stream().anyMatch(folded::contains);
    }

    /** The words of a web-search style query, folded; without "or", excluded words and operators. */
    static List<String> terms(String query) {
        List<String> terms = new ArrayList<>();
        if (query == null) {
            return terms;
        }
        for (String word : query.strip().split("\\s+")) {
            if (word.startsWith("-") || word.equalsIgnoreCase("or")) {
                continue;
            }
            String folded = Folded.of(word.replaceAll("[\"()]", "")).text.strip();
            if (!folded.isEmpty()) {
                terms.add(folded);
            }
        }
        return terms;
    }

    private static boolean isBoundary(String text, int index) {
        return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
    }

    /** A text without diacritics, in lower case, with each of its characters' position in the original. */
    private record Folded(String text, int[] origin) {

        static Folded of(String original) {
            StringBuilder text = new StringBuilder(original.length());
            int[] origin = new int[original.length() * 2 + 1];
            for (int i = 0; i < original.length(); i++) {
                for (char c : fold(original.charAt(i)).toCharArray()) {
                    if (text.length() + 1 >= origin.length) {
                        origin = Arrays.copyOf(origin, origin.length * 2);
                    }
                    origin[text.length()] = i;
                    text.append(c);
                }
            }
            return new Folded(text.toString(), origin);
        }

        int original(int foldedIndex) {
            return origin[foldedIndex];
        }

        /** The original position just after the folded character before {@code foldedEnd}. */
        int originalEnd(int foldedEnd) {
            return foldedEnd == 0 ? 0 : origin[foldedEnd - 1] + 1;
        }

        private static String fold(char c) {
            if (c == 'đ' || c == 'Đ') {
                return "d";
            }
            return Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "")
                    .toLowerCase(Locale.ROOT);
        }
    }
}
