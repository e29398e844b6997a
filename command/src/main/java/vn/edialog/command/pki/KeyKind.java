package vn.edialog.command.pki;

/** Key types the demo PKI can generate; RSA_1024 exists only to test the weak-algorithm refusal. */
public enum KeyKind {
    EC_P256,
    EC_P384,
    RSA_2048,
    RSA_3072,
    RSA_1024
}
