package vn.edialog.app.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SvgChartTest {

    private static final List<String> MONTHS = List.of("01/26", "02/26", "03/26");

    @Test
    void aChartIsAnImageLabelledByItsTitleAndDescription() {
        String svg = SvgChart.bars(
                SvgChart.Frame.WIDE,
                "chart-x",
                "Tiếp nhận <theo> tháng",
                "Tổng cộng 6 & hơn",
                MONTHS,
                List.of(new SvgChart.Series("Tiếp nhận", "#0b4f8a", List.of(1.0, 2.0, 3.0))),
                false,
                v -> String.valueOf(Math.round(v)));

        assertThat(svg)
                .startsWith("<svg ")
                .contains("role=\"img\"")
                .contains("aria-labelledby=\"chart-x-title chart-x-desc\"")
                .contains("<title id=\"chart-x-title\">Tiếp nhận &lt;theo&gt; tháng</title>")
                .contains("<desc id=\"chart-x-desc\">Tổng cộng 6 &amp; hơn</desc>")
                .endsWith("</svg>");
        assertThat(svg.split("<rect ", -1)).hasSize(4);
        assertThat(svg).contains("<title>03/26 – Tiếp nhận: 3</title>");
    }

    @Test
    void theNarrowDrawingHasItsOwnIds() {
        String svg = SvgChart.line(
                SvgChart.Frame.NARROW,
                "chart-d",
                "t",
                "d",
                MONTHS,
                new SvgChart.Series("Trung vị", "#0b4f8a", Arrays.asList(1.5, null, 2.0)),
                String::valueOf);

        assertThat(svg).contains("id=\"chart-d-narrow-title\"").contains("class=\"chart narrow\"");
        assertThat(svg).as("a gap leaves two lone points, no line").doesNotContain("<polyline");
        assertThat(svg.split("<circle ", -1)).hasSize(3);
    }

    @Test
    void stackedBarsRiseToTheirSumOnARoundScale() {
        SvgChart.Axis axis = SvgChart.Axis.of(7, true);
        assertThat(axis.step()).isEqualTo(2);
        assertThat(axis.max()).isEqualTo(8);
        assertThat(SvgChart.Axis.of(0, true).max()).isEqualTo(4);
        assertThat(SvgChart.Axis.of(3.2, false).step()).isEqualTo(1);
        assertThat(SvgChart.Axis.of(130, true).step()).isEqualTo(50);
    }
}
