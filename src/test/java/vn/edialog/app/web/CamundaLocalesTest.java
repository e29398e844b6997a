package vn.edialog.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The Vietnamese locales we ship for Camunda's Tasklist, Cockpit and Admin have the keys of the English ones in the
 * Camunda webjar (on the classpath): a label missing in vi.json shows its code, and one the webjar no longer has is a
 * translation left behind by an upgrade.
 */
class CamundaLocalesTest {

    static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";

    /**
     * Formats moment.js would otherwise take from its English defaults (12-hour time for {@code LTS}): the English file
     * leaves them out, the Vietnamese one states them.
     */
    static final Set<String> ONLY_VIETNAMESE = Set.of(
            "dateLocales.longDateFormat.LTS",
            "dateLocales.longDateFormat.l",
            "dateLocales.longDateFormat.ll",
            "dateLocales.longDateFormat.lll",
            "dateLocales.longDateFormat.llll");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void vietnameseAndEnglishLocalesHaveTheSameKeys(String app) throws IOException {
        Set<String> vietnamese = keys(String.format(LOCALES, app, "vi"));
        Set<String> english = keys(String.format(LOCALES, app, "en"));

        Set<String> missing = new TreeSet<>(english);
        missing.removeAll(vietnamese);
        Set<String> extra = new TreeSet<>(vietnamese);
        extra.removeAll(english);
        extra.removeAll(ONLY_VIETNAMESE);

        assertThat(missing)
                .as("keys of %s's en.json missing in %s", app, String.format(LOCALES, app, "vi"))
                .isEmpty();
        assertThat(extra)
                .as("keys of %s without an English text in Camunda's %s", String.format(LOCALES, app, "vi"), app)
                .isEmpty();
    }

    /** The keys of a locale file, nested objects flattened with dots and array elements with their index. */
    private static Set<String> keys(String resource) throws IOException {
        String text;
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // Camunda's own files start with a byte order mark, which Jackson does not skip in a String.
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Set<String> keys = new TreeSet<>();
        flatten("", new ObjectMapper().readTree(text), keys);
        assertThat(keys).as("keys of %s", resource).isNotEmpty();
        return keys;
    }

    private static void flatten(String prefix, JsonNode node, Set<String> keys) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), keys);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), keys);
            }
        } else {
            keys.add(prefix);
        }
    }
}
