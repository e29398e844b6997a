package vn.edialog.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The Camunda administrator has no default password: required in production, generated on the embedded default. */
class AdminPasswordTest {

    @TempDir
    Path dataDir;

    private StandardEnvironment environment(Map<String, Object> properties, String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        environment.setActiveProfiles(profiles);
        new AdminPassword().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void productionRefusesToStartWithoutTheAdministratorPassword() {
        StandardEnvironment postgres = environment(Map.of("edialog.data-dir", dataDir.toString()), "postgres");
        assertThatThrownBy(() -> postgres.resolveRequiredPlaceholders("${edialog.admin-password}"))
                .hasMessageContaining("EDIALOG_ADMIN_PASSWORD is not set");

        StandardEnvironment external = environment(
                Map.of("edialog.db.url", "jdbc:postgresql://db/edialog", "edialog.data-dir", dataDir.toString()));
        assertThatThrownBy(() -> external.getProperty(AdminPassword.PROPERTY))
                .hasMessageContaining("EDIALOG_ADMIN_PASSWORD is not set");
        assertThat(Files.exists(dataDir.resolve(AdminPassword.FILE)))
                .as("nothing generated in production")
                .isFalse();
    }

    @Test
    void aGivenPasswordIsUsedAsIs() {
        StandardEnvironment given = environment(
                Map.of("edialog.admin-password", "s3cret-from-env", "edialog.db.url", "jdbc:x"), "postgres");
        assertThat(given.resolveRequiredPlaceholders("${edialog.admin-password}"))
                .isEqualTo("s3cret-from-env");
        assertThat(AdminPassword.generatedFile(given)).isNull();
    }

    @Test
    void theEmbeddedDefaultGeneratesAPasswordOnceAndKeepsIt() throws Exception {
        StandardEnvironment first = environment(Map.of("edialog.data-dir", dataDir.toString()));
        String password = first.getProperty(AdminPassword.PROPERTY);
        assertThat(password).hasSize(20).isNotEqualTo("admin");
        assertThat(AdminPassword.generatedFile(first)).isEqualTo(dataDir.resolve(AdminPassword.FILE));
        assertThat(Files.readString(dataDir.resolve(AdminPassword.FILE)).strip())
                .isEqualTo(password);

        StandardEnvironment restarted = environment(Map.of("edialog.data-dir", dataDir.toString()));
        assertThat(restarted.getProperty(AdminPassword.PROPERTY)).isEqualTo(password);
        assertThat(environment(Map.of(
                                "edialog.data-dir", dataDir.resolve("other").toString()))
                        .getProperty(AdminPassword.PROPERTY))
                .as("another installation gets another password")
                .isNotEqualTo(password);
    }
}
