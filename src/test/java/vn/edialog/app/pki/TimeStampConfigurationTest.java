package vn.edialog.app.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import vn.edialog.command.signature.TrustAnchors;
import vn.edialog.command.tenant.Tenant;

/** Where the product's time-stamps come from: the configured authorities, else the demo one, else none. */
class TimeStampConfigurationTest {

    private static final PkiProperties PKI = new PkiProperties(null, null, null, null, null, false, null, null);
    private static final TrustAnchors NONE = TrustAnchors.of(java.util.Set.of());

    private static TimeStamping timeStamping(TimeStampProperties properties, DemoPki demo) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(demo == null ? Map.of() : Map.of("demo", demo));
        return new TimeStampConfiguration()
                .timeStamping(properties, PKI, beans.getBeanProvider(DemoPki.class), NONE, Clock.systemUTC());
    }

    @Test
    void configuredAuthoritiesAreAskedInTheirOrder() {
        TimeStamping stamping = timeStamping(
                new TimeStampProperties(
                        List.of(URI.create("https://tsa.example.vn/tsr"), URI.create("https://tsa2.example.vn/")),
                        null,
                        "1.2.3.4",
                        null,
                        null),
                null);

        assertThat(stamping.client().orElseThrow().authorities())
                .containsExactly("https://tsa.example.vn/tsr", "https://tsa2.example.vn/");
        assertThat(stamping.demoAuthority()).isEmpty();
    }

    @Test
    void theEmbeddedDefaultStampsWithItsDemoAuthority(@TempDir Path data) {
        DemoPki demo = DemoPki.ensure(data, URI.create("http://localhost:8080"), List.<Tenant>of(), Clock.systemUTC());

        TimeStamping stamping = timeStamping(new TimeStampProperties(null, null, null, null, null), demo);

        assertThat(stamping.demoAuthority()).isPresent();
        byte[] data1 = "dữ liệu".getBytes(StandardCharsets.UTF_8);
        assertThat(stamping.verifier()
                        .verify(stamping.client().orElseThrow().stamp(data1), data1)
                        .authority())
                .contains("Time-Stamping Authority");
        assertThat(stamping.describe()).contains("the demo authority");
    }

    @Test
    void withoutAuthoritiesNothingIsTimeStampedAndTheLogSaysSo() {
        TimeStamping stamping =
                timeStamping(new TimeStampProperties(List.of(URI.create("")), null, " ", null, null), null);

        assertThat(stamping.client()).isEmpty();
        assertThat(stamping.describe()).contains("EDIALOG_TSA_URLS");
    }

    @Test
    void requiringTimeStampsWithoutAnAuthorityStopsTheStart() {
        assertThatThrownBy(() -> timeStamping(
                        new TimeStampProperties(null, null, null, null, TimeStampProperties.Mode.REQUIRE), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EDIALOG_TSA_URLS");
    }
}
