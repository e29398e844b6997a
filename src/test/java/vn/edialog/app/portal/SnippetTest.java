package vn.edialog.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetTest {

    private static String marked(List<Snippet.Segment> segments) {
        StringBuilder text = new StringBuilder();
        for (Snippet.Segment segment : segments) {
            text.append(segment.match() ? "[" + segment.text() + "]" : segment.text());
        }
        return text.toString();
    }

    @Test
    void wordsWithoutDiacriticsMarkTheWordsWithThemAndTheReverse() {
        assertThat(marked(Snippet.of("Người nộp Thuế được hoàn thuế.", "thue hoan")))
                .isEqualTo("Người nộp [Thuế] được [hoàn] [thuế].");
        assertThat(marked(Snippet.of("Cong ty xin gia han nop thue dat.", "gia hạn thuế")))
                .isEqualTo("Cong ty xin [gia] [han] nop [thue] dat.");
        assertThat(marked(Snippet.of("Đăng ký doanh nghiệp", "dang ky"))).isEqualTo("[Đăng] [ký] doanh nghiệp");
    }

    @Test
    void wholeWordsAreMarkedAndASingleShortTermAlsoInsideWords() {
        assertThat(marked(Snippet.of("thuế thuếx", "thue"))).isEqualTo("[thuế] thuếx");
        assertThat(marked(Snippet.of("GTGT và VAT", "gt"))).isEqualTo("[GT][GT] và VAT");
    }

    @Test
    void excludedWordsAndOperatorsAreNotMarked() {
        assertThat(Snippet.terms("\"hoàn thuế\" or -phí đất")).containsExactly("hoan", "thue", "dat");
    }

    @Test
    void aLongTextIsCutAroundTheFirstMatchAtWordBoundaries() {
        String text = "mở đầu ".repeat(40) + "hoàn thuế " + "kết thúc ".repeat(40);
        String snippet = marked(Snippet.of(text, "hoan"));
        assertThat(snippet).startsWith("…").endsWith("…").contains("[hoàn] thuế");
        assertThat(snippet.length()).isLessThanOrEqualTo(Snippet.LENGTH + 10);
        assertThat(snippet.substring(1)).startsWith("mở").doesNotStartWith(" ");
    }

    @Test
    void withoutAQueryTheSnippetIsTheBeginningWithWhitespaceCollapsed() {
        assertThat(marked(Snippet.of("  Dòng một\n\n  dòng hai  ", null))).isEqualTo("Dòng một dòng hai");
        assertThat(Snippet.of(null, "x")).isEmpty();
        assertThat(Snippet.mentions("Thuế", "THUE")).isTrue();
        assertThat(Snippet.mentions("Phí", "thue")).isFalse();
    }
}
