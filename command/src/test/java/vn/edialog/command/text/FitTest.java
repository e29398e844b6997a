package vn.edialog.command.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FitTest {

    @Test
    void aTextWithinItsLimitIsKeptAsItIs() {
        assertThat(Fit.shorten("Phân loại", 9)).isEqualTo("Phân loại");
        assertThat(Fit.shorten(null, 9)).isNull();
    }

    @Test
    void aLongerTextKeepsItsBeginningAndEndsWithAnEllipsis() {
        String shortened = Fit.shorten("Phân loại hồ sơ", 6);

        assertThat(shortened).isEqualTo("Phân …");
        assertThat(shortened.codePointCount(0, shortened.length())).isEqualTo(6);
    }

    @Test
    void limitsCountCodePointsAndNeverSplitASurrogatePair() {
        String text = "a😀😀😀";

        String shortened = Fit.shorten(text, 3);

        assertThat(shortened).isEqualTo("a😀…");
        assertThat(shortened.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE))
                .isTrue();
        assertThat(Fit.shorten(text, 4)).isEqualTo(text);
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> Fit.shorten("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
