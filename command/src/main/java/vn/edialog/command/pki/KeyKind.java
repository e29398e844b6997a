package vn.edialog.command.pki;

/** Key types the demo PKI can generate; none is too weak for the signature policy. */
public enum KeyKind {
    EC_P256,
    EC_P384,
    RSA_2048,
    RSA_3072
}
