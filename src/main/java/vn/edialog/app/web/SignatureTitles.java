package vn.edialog.app.web;

import vn.edialog.command.signature.RefusalReason;

/** Short English titles of the signature refusals (the detail says exactly what failed). */
final class SignatureTitles {

    private SignatureTitles() {}

    static String title(RefusalReason reason) {
        return switch (reason) {
            case BAD_ENCODING -> "The envelope is not well encoded";
            case NOT_CANONICAL -> "The payload is not RFC 8785 canonical JSON";
            case BAD_PAYLOAD -> "The signed payload is not a valid command";
            case BAD_SIGNATURE -> "The signature does not verify";
            case UNTRUSTED -> "The certificate is not trusted";
            case EXPIRED -> "The certificate is not valid now";
            case REVOKED -> "The certificate is revoked";
            case REVOCATION_UNKNOWN -> "The revocation status cannot be established";
            case WEAK_ALGORITHM -> "The algorithm or key is too weak";
            case KEY_USAGE -> "The certificate may not be used for signing";
            case IDENTITY_MISMATCH -> "The signer is not the party";
            case REPLAYED_NONCE -> "The signature was already used";
            case SKEW -> "The signing time is too far from now";
            case TOO_LARGE -> "The request is too large";
            case IDENTITY_NOT_TRUSTED_FROM_ISSUER -> "The certificate's issuer may not issue this kind of identity";
        };
    }
}
