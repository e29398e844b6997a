package vn.edialog.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every page text exists in Vietnamese (the default bundle) and in English, under the same keys: a key added to one
 * language only would show its code, or the other language, to a user.
 */
class MessageBundlesTest {

    /** The bundles Spring serves: {@code spring.messages.basename}, one comma-separated line in application.yml. */
    static Stream<String> basenames() throws IOException {
        String configuration = new String(
                new ClassPathResource("application.yml").getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String line = configuration
                .lines()
                .map(String::strip)
                .filter(l -> l.startsWith("basename:"))
                .findFirst()
                .orElseThrow();
        return Arrays.stream(line.substring("basename:".length()).split(",")).map(String::strip);
    }

    @ParameterizedTest
    @MethodSource("basenames")
    void vietnameseAndEnglishBundlesHaveTheSameKeys(String basename) throws IOException {
        Properties vietnamese = load(basename + ".properties");
        Properties english = load(basename + "_en.properties");

        Set<String> onlyVietnamese = new TreeSet<>(vietnamese.stringPropertyNames());
        onlyVietnamese.removeAll(english.stringPropertyNames());
        Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
        onlyEnglish.removeAll(vietnamese.stringPropertyNames());

        assertThat(onlyVietnamese)
                .as("keys of %s without an English text", basename)
                .isEmpty();
        assertThat(onlyEnglish)
                .as("keys of %s without a Vietnamese text", basename)
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("basenames")
    void noTextIsEmpty(String basename) throws IOException {
        for (String file : List.of(basename + ".properties", basename + "_en.properties")) {
            Properties texts = load(file);
            assertThat(texts.stringPropertyNames().stream()
                            .filter(k -> texts.getProperty(k).isBlank()))
                    .as("empty texts in %s", file)
                    .isEmpty();
        }
    }

    @Test
    void everyBundleOnTheClasspathIsConfigured() throws IOException {
        Set<String> configured = new TreeSet<>(basenames().toList());
        Set<String> found = new TreeSet<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String pattern : List.of("classpath*:messages*.properties", "classpath*:i18n/*.properties")) {
            for (Resource resource : resolver.getResources(pattern)) {
                String path = resource.getURL().getPath();
                String name = path.substring(path.lastIndexOf('/') + 1).replaceFirst("(_[a-z]{2})?\\.properties$", "");
                found.add(path.contains("/i18n/") ? "i18n/" + name : name);
            }
        }
        assertThat(found).as("bundles on the classpath").isEqualTo(configured);
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = new ClassPathResource(file).getInputStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
