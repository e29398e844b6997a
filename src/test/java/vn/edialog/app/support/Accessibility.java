package vn.edialog.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * An axe-core scan (the WebJar on the test classpath, injected into the page under test) of the page the browser shows.
 * A page passes when axe reports no violation of impact "serious" or "critical" for the WCAG 2.1 A and AA rules.
 */
public final class Accessibility {

    private static final String AXE_RESOURCE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static String axeSource;

    private Accessibility() {}

    /** The serious or critical violations on the current page, one line each: rule, impact, help and targets. */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axe());
        Object result = js.executeAsyncScript(
                """
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                                          targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))))
                   .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), targets: []}]));
                """);
        return ((List<Map<String, Object>>) result)
                .stream()
                        .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                        .map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at "
                                + v.get("targets"))
                        .collect(Collectors.toList());
    }

    /** Asserts the current page has no serious or critical axe-core finding. */
    public static void assertNoSeriousViolations(WebDriver driver, String page) {
        assertThat(seriousViolations(driver))
                .as("axe-core findings on " + page + " (" + driver.getCurrentUrl() + ")")
                .isEmpty();
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            try (InputStream in = Accessibility.class.getClassLoader().getResourceAsStream(AXE_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("axe-core WebJar missing from the test classpath: " + AXE_RESOURCE);
                }
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }
}
