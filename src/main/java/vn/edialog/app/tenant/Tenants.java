package vn.edialog.app.tenant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.edialog.command.tenant.Tenant;
import vn.edialog.command.tenant.TenantCatalog;

/**
 * The provinces served by this deployment, their agencies and topics: reference data read at start-up from {@code
 * edialog.tenants.files} (JSON, one tenant per file) or, when none is named, the demo province.
 */
@Component
public class Tenants {

    private final List<Tenant> tenants;

    Tenants(@Value("${edialog.tenants.files:}") String fileList) {
        List<Path> files = java.util.Arrays.stream(fileList.split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .map(Path::of)
                .toList();
        List<Tenant> loaded = new ArrayList<>();
        if (files.isEmpty()) {
            loaded.addAll(TenantCatalog.demo().tenants());
        } else {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    loaded.addAll(TenantCatalog.load(in).tenants());
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the tenant file " + file, e);
                }
            }
        }
        this.tenants = List.copyOf(loaded);
    }

    public List<Tenant> all() {
        return tenants;
    }

    public Optional<Tenant> find(String code) {
        return tenants.stream().filter(t -> t.code().equals(code)).findFirst();
    }
}
