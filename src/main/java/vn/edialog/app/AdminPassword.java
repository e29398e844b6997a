package vn.edialog.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * The password of Camunda's first administrator ({@code camunda.bpm.admin-user.password}, which reads {@code
 * edialog.admin-password}, env {@code EDIALOG_ADMIN_PASSWORD}). There is no default: in production (the {@code
 * postgres} profile, or any external database) the server refuses to start without it; on the embedded default a
 * password is generated once, kept in {@code ${edialog.data-dir}/admin-password.txt} and printed in the start-up
 * banner, like the demo PKI's.
 *
 * <p>A property source of lowest precedence answers {@code edialog.admin-password} only when nothing else does, and
 * only when asked (when Camunda binds its properties), so that it sees the final environment.
 */
public class AdminPassword implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "edialog.admin-password";
    static final String FILE = "admin-password.txt";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new Generated(environment));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The file of the generated password when this run uses one, else null. */
    static Path generatedFile(Environment environment) {
        if (environment instanceof ConfigurableEnvironment configurable
                && configurable.getPropertySources().get(Generated.NAME) instanceof Generated generated) {
            return generated.file;
        }
        return null;
    }

    /** Its source is a plain object: Spring Boot treats a property source holding an environment as nested sources. */
    static final class Generated extends PropertySource<Object> {

        static final String NAME = "edialogGeneratedAdminPassword";
        private final Environment environment;
        private String password;
        private Path file;

        Generated(Environment environment) {
            super(NAME, new Object());
            this.environment = environment;
        }

        @Override
        public synchronized Object getProperty(String name) {
            if (!PROPERTY.equals(name)) {
                return null;
            }
            if (password == null) {
                password = resolve();
            }
            return password;
        }

        private String resolve() {
            boolean external = !environment.getProperty("edialog.db.url", "").isBlank();
            if (external || Arrays.asList(environment.getActiveProfiles()).contains("postgres")) {
                throw new IllegalStateException(
                        "EDIALOG_ADMIN_PASSWORD is not set. In production (profile postgres or an"
                                + " external database) the Camunda administrator's password must be given: set"
                                + " EDIALOG_ADMIN_PASSWORD (or edialog.admin-password). The server does not start without it.");
            }
            Path dataDir = Path.of(environment.getProperty("edialog.data-dir", "./data"));
            file = dataDir.resolve(FILE);
            return readOrGenerate(file);
        }
    }

    static String readOrGenerate(Path file) {
        try {
            if (Files.exists(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!kept.isEmpty()) {
                    return kept;
                }
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
            SecureRandom random = new SecureRandom();
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                password.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            return password.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the generated administrator password in " + file, e);
        }
    }
}
