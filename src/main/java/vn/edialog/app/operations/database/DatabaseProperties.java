package vn.edialog.app.operations.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database is: an external PostgreSQL when {@code url} is set, otherwise the embedded one.
 *
 * @param url JDBC URL of an external PostgreSQL ({@code EDIALOG_DB_URL}); blank for the embedded default
 * @param user login role ({@code EDIALOG_DB_USER})
 * @param password password ({@code EDIALOG_DB_PASSWORD})
 * @param poolSize maximum connections of this node
 * @param connectionTimeout how long to wait for a connection before failing
 */
@ConfigurationProperties("edialog.db")
public record DatabaseProperties(
        String url, String user, String password, Integer poolSize, java.time.Duration connectionTimeout) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }

    public int poolSizeOrDefault() {
        return poolSize == null ? 10 : poolSize;
    }
}
