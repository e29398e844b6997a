package vn.edialog.command.tenant;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The tenants known to this deployment, validated when loaded and immutable afterwards. */
public final class TenantCatalog {

    /** The classpath resource holding the demo province. */
    public static final String DEMO_RESOURCE = "/tenants/demo.json";

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern BUDGET_CODE = Pattern.compile("\\d{7}");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final Map<String, Tenant> tenants;

    private TenantCatalog(Map<String, Tenant> tenants) {
        this.tenants = Map.copyOf(tenants);
    }

    /** Reads one tenant per JSON document and validates each and the whole; the streams are closed. */
    public static TenantCatalog load(InputStream... jsonDocuments) {
        List<Tenant> read = new ArrayList<>();
        for (InputStream json : jsonDocuments) {
            try (json) {
                read.add(MAPPER.readValue(json, Tenant.class));
            } catch (IOException e) {
                throw new InvalidTenantCatalog("unreadable tenant document: " + e.getMessage(), e);
            }
        }
        return of(read);
    }

    /** A catalog of the given tenants after validating them. */
    public static TenantCatalog of(Collection<Tenant> tenants) {
        Map<String, Tenant> byCode = new LinkedHashMap<>();
        for (Tenant tenant : tenants) {
            validate(tenant);
            if (byCode.putIfAbsent(tenant.code(), tenant) != null) {
                throw new InvalidTenantCatalog("tenant " + tenant.code() + " is defined twice");
            }
        }
        return new TenantCatalog(byCode);
    }

    /** The demo province shipped with the product ({@value #DEMO_RESOURCE}). */
    public static TenantCatalog demo() {
        InputStream json = TenantCatalog.class.getResourceAsStream(DEMO_RESOURCE);
        if (json == null) {
            throw new UncheckedIOException(new IOException(DEMO_RESOURCE + " is missing from the classpath"));
        }
        return load(json);
    }

    public List<Tenant> tenants() {
        return List.copyOf(tenants.values());
    }

    public Optional<Tenant> tenant(String code) {
        return Optional.ofNullable(tenants.get(code));
    }

    public Optional<Agency> agency(String tenantCode, String agencyCode) {
        return tenant(tenantCode).flatMap(t -> t.agency(agencyCode));
    }

    public Optional<Topic> topic(String tenantCode, String topicCode) {
        return tenant(tenantCode).flatMap(t -> t.topic(topicCode));
    }

    private static void validate(Tenant tenant) {
        String where = "tenant " + tenant.code();
        code(where, "code", tenant.code());
        text(where, "nameVi", tenant.nameVi());
        text(where, "nameEn", tenant.nameEn());
        Set<String> agencyCodes = new HashSet<>();
        Set<String> budgetCodes = new HashSet<>();
        List<Agency> moderators = new ArrayList<>();
        for (Agency agency : tenant.agencies()) {
            String at = where + ", agency " + agency.code();
            code(at, "code", agency.code());
            text(at, "nameVi", agency.nameVi());
            text(at, "nameEn", agency.nameEn());
            if (agency.kind() == null) {
                throw new InvalidTenantCatalog(at + ": kind is required");
            }
            if (agency.budgetCode() == null
                    || !BUDGET_CODE.matcher(agency.budgetCode()).matches()) {
                throw new InvalidTenantCatalog(at + ": budgetCode must be 7 digits");
            }
            if (!agencyCodes.add(agency.code())) {
                throw new InvalidTenantCatalog(at + ": code is used twice");
            }
            if (!budgetCodes.add(agency.budgetCode())) {
                throw new InvalidTenantCatalog(at + ": budgetCode " + agency.budgetCode() + " is used twice");
            }
            if (agency.kind() == AgencyKind.MODERATOR) {
                moderators.add(agency);
            }
        }
        if (moderators.size() != 1) {
            throw new InvalidTenantCatalog(
                    where + ": exactly one MODERATOR agency is required, found " + moderators.size());
        }
        if (!moderators.get(0).code().equals(tenant.moderatorAgency())) {
            throw new InvalidTenantCatalog(where + ": moderatorAgency " + tenant.moderatorAgency()
                    + " is not the MODERATOR agency " + moderators.get(0).code());
        }
        Set<String> topicCodes = new HashSet<>();
        for (Topic topic : tenant.topics()) {
            String at = where + ", topic " + topic.code();
            code(at, "code", topic.code());
            text(at, "nameVi", topic.nameVi());
            text(at, "nameEn", topic.nameEn());
            if (!topicCodes.add(topic.code())) {
                throw new InvalidTenantCatalog(at + ": code is used twice");
            }
            if (!agencyCodes.contains(topic.suggestedAgency())) {
                throw new InvalidTenantCatalog(at + ": suggestedAgency " + topic.suggestedAgency() + " is unknown");
            }
            Set<String> fieldNames = new HashSet<>();
            for (FormField field : topic.fields()) {
                text(at, "field name", field.name());
                text(at + ", field " + field.name(), "labelVi", field.labelVi());
                text(at + ", field " + field.name(), "labelEn", field.labelEn());
                if (!fieldNames.add(field.name())) {
                    throw new InvalidTenantCatalog(at + ": field " + field.name() + " is defined twice");
                }
            }
        }
    }

    private static void code(String where, String what, String value) {
        if (value == null || !CODE.matcher(value).matches()) {
            throw new InvalidTenantCatalog(where + ": " + what + " must be a lowercase code, got " + value);
        }
    }

    private static void text(String where, String what, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidTenantCatalog(where + ": " + what + " must not be blank");
        }
    }
}
