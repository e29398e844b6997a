package vn.edialog.app.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import vn.edialog.command.pki.Credential;
import vn.edialog.command.pki.TestPki;
import vn.edialog.command.tenant.Agency;
import vn.edialog.command.tenant.Tenant;
import vn.edialog.command.tenant.TenantCatalog;

/**
 * A deployment serving two provinces: the demo province and {@value #OTHER} ({@code tenants/songlam.json} of the test
 * resources), whose agency codes repeat the demo's ({@code ubnd}, {@code skhdt}, {@code thue}). Both trust the test
 * PKI's root (the common trust anchors of {@link TestPkiFiles}); each agency of the second province gets its own
 * signing key, like the demo's. Apply after {@link EDialogTestInitializer}.
 */
public class TwoProvinces implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The second province. */
    public static final String OTHER = "songlam";

    private static Map<String, String> properties;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(properties()).applyTo(context);
    }

    private static synchronized Map<String, String> properties() {
        if (properties == null) {
            try {
                Path dir = TestPkiFiles.directory();
                Path demo = copy(TenantCatalog.class, TenantCatalog.DEMO_RESOURCE, dir.resolve("tenant-demo.json"));
                Path other = copy(
                        TwoProvinces.class, "/tenants/" + OTHER + ".json", dir.resolve("tenant-" + OTHER + ".json"));
                Map<String, String> values = new LinkedHashMap<>();
                values.put("edialog.tenants.files", demo + "," + other);
                Tenant tenant;
                try (InputStream json = Files.newInputStream(other)) {
                    tenant = TenantCatalog.load(json).tenant(OTHER).orElseThrow();
                }
                for (Agency agency : tenant.agencies()) {
                    Credential key = TestPki.shared().issueAgency(agency.budgetCode(), agency.nameVi());
                    Path p12 = dir.resolve("agency-" + OTHER + "-" + agency.code() + ".p12");
                    Files.write(p12, key.pkcs12(TestPkiFiles.PASSWORD.toCharArray()));
                    String prefix = "edialog.signing.agencies." + OTHER + "." + agency.code() + ".";
                    values.put(prefix + "key-store", p12.toString());
                    values.put(prefix + "password", TestPkiFiles.PASSWORD);
                }
                properties = Map.copyOf(values);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    private static Path copy(Class<?> loader, String resource, Path target) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from the classpath");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
