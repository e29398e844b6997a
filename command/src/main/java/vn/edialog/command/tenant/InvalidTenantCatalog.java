package vn.edialog.command.tenant;

/** The tenant reference data is unreadable or inconsistent; the message names the tenant and the problem. */
public class InvalidTenantCatalog extends RuntimeException {

    public InvalidTenantCatalog(String message) {
        super(message);
    }

    public InvalidTenantCatalog(String message, Throwable cause) {
        super(message, cause);
    }
}
