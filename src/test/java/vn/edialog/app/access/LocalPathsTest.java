package vn.edialog.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** After sign-in a browser goes only to a path of the product, never off-site however the path is spelt. */
class LocalPathsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/\\127.0.0.1:8080/x",
                "/\t/x",
                "//evil.example",
                "/\\evil.example",
                "\\\\evil.example",
                "/%2F%2Fevil.example",
                "/%2f/evil.example",
                "/%5Cevil.example",
                "/%09/x",
                "/%0d%0aSet-Cookie:x",
                "/\r\n/evil.example",
                "/\n/evil.example",
                "https://evil.example",
                "https:evil.example",
                "javascript:alert(1)",
                "/javascript:alert(1)",
                "evil.example",
                " /my/dialogues",
                "/ /evil.example",
                "/\u00a0/evil.example",
                "/\u2028/evil.example",
                "/my//evil",
                "/my/../../evil",
                "/%252F%252Fevil.example",
                "",
            })
    void refusesAnythingThatCouldLeaveTheSite(String next) {
        assertThat(LocalPaths.safe(next)).as(next).isEmpty();
        assertThat(LocalPaths.safeOr(next, "/my/dialogues")).isEqualTo("/my/dialogues");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/my/dialogues", "/portal?q=thu%E1%BA%BF&page=2", "/d/ABC-123#reply", "/staff"})
    void keepsPathsOfTheProduct(String next) {
        assertThat(LocalPaths.safe(next)).contains(next);
    }

    @org.junit.jupiter.api.Test
    void nullGoesToTheDefault() {
        assertThat(LocalPaths.safeOr(null, "/my/dialogues")).isEqualTo("/my/dialogues");
    }
}
