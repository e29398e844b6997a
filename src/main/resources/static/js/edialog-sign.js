// eDialog in-browser signing: open a PKCS#12 file, sign RFC 8785 canonical JSON payloads as detached CAdES-BES
// CMS, and build the {payload, signature} envelopes that the signed-command API takes (POST /api/v1/dialogues, ...).
//
// The signatures match what the server's Java signer (command module, CmsSigner) produces and what its verifier
// (CmsSignatureVerifier, EnvelopeVerifier) demands: one signer; signed attributes content-type (id-data),
// message-digest (SHA-256), signing-time and signing-certificate-v2 (ESSCertIDv2: SHA-256 hash of the signer
// certificate plus issuer and serial number); digest SHA-256; ecdsa-with-SHA256 for EC keys, sha256WithRSAEncryption
// (PKCS#1 v1.5) for RSA keys; the signer's certificate and its intermediates embedded, self-signed roots left out.
//
// The private key never leaves WebCrypto: it is imported non-extractable, usable for "sign" only. WebCrypto exists in
// secure contexts only (HTTPS, or http://localhost), so pages using this module must be served that way.
//
// Dependencies are loaded by bare specifier; a page maps them to the copies the build puts under /vendor/ (see
// src/pom.xml and src/main/frontend/package.json) with this import map, placed before any module script:
//
//   <script type="importmap">
//   {"imports": {
//     "pkijs": "/vendor/pkijs/build/index.js",
//     "asn1js": "/vendor/asn1js/build/index.js",
//     "bytestreamjs": "/vendor/bytestreamjs/build/index.js",
//     "@peculiar/utils": "/vendor/@peculiar/utils/build/index.js",
//     "@noble/hashes/": "/vendor/@noble/hashes/"
//   }}
//   </script>
//
// Every failure is a SigningError whose `code` (one of ErrorCode) is stable, so that pages can show their own
// Vietnamese or English text; `message` is an English explanation for logs and developers.

import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** Stable error codes of SigningError. */
export const ErrorCode = Object.freeze({
    /** WebCrypto is missing: the page is not served over HTTPS (or localhost), or the browser is too old. */
    WEBCRYPTO_UNAVAILABLE: 'webcrypto-unavailable',
    /** The file is not a PKCS#12 (.p12/.pfx) file, or it is damaged beyond parsing. */
    NOT_PKCS12: 'not-pkcs12',
    /** The password does not open the file (its integrity MAC does not verify, or its contents do not decrypt). */
    WRONG_PASSWORD: 'wrong-password',
    /** The file uses a protection or key algorithm this module does not handle (legacy 3DES/RC2, no MAC, DSA, ...). */
    UNSUPPORTED_ALGORITHM: 'unsupported-algorithm',
    /** The file holds no private key. */
    NO_PRIVATE_KEY: 'no-private-key',
    /** The file holds no certificate belonging to its private key. */
    NO_CERTIFICATE: 'no-certificate',
    /** The payload cannot be written as canonical JSON (undefined, NaN, lone surrogate, cycle, class instance, ...). */
    INVALID_PAYLOAD: 'invalid-payload',
    /** The browser refused to sign (for example the key was imported without the sign usage). */
    SIGNING_FAILED: 'signing-failed',
    /** The recipient's certificate is unreadable, or its key is neither RSA nor EC, or the browser could not encrypt. */
    ENCRYPTION_FAILED: 'encryption-failed',
});

/** An error of this module; `code` is one of ErrorCode. */
export class SigningError extends Error {
    constructor(code, message, options) {
        super(message, options);
        this.name = 'SigningError';
        this.code = code;
    }
}

const OID = Object.freeze({
    data: '1.2.840.113549.1.7.1',
    signedData: '1.2.840.113549.1.7.2',
    encryptedData: '1.2.840.113549.1.7.6',
    contentType: '1.2.840.113549.1.9.3',
    messageDigest: '1.2.840.113549.1.9.4',
    signingTime: '1.2.840.113549.1.9.5',
    signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
    friendlyName: '1.2.840.113549.1.9.20',
    localKeyId: '1.2.840.113549.1.9.21',
    x509Certificate: '1.2.840.113549.1.9.22.1',
    keyBag: '1.2.840.113549.1.12.10.1.1',
    shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
    certBag: '1.2.840.113549.1.12.10.1.3',
    safeContentsBag: '1.2.840.113549.1.12.10.1.6',
    pbes2: '1.2.840.113549.1.5.13',
    pbkdf2: '1.2.840.113549.1.5.12',
    rsaEncryption: '1.2.840.113549.1.1.1',
    ecPublicKey: '1.2.840.10045.2.1',
    basicConstraints: '2.5.29.19',
});

// Hash algorithms a PKCS#12 MAC may use (RFC 7292 appendix B key derivation); PBMAC1 is not supported.
const MAC_DIGESTS = Object.freeze({
    '1.3.14.3.2.26': 'SHA-1',
    '2.16.840.1.101.3.4.2.1': 'SHA-256',
    '2.16.840.1.101.3.4.2.2': 'SHA-384',
    '2.16.840.1.101.3.4.2.3': 'SHA-512',
});

// PBES2 building blocks WebCrypto offers in every browser (Chromium has no AES-192, none has DES).
const PBES2_CIPHERS = Object.freeze({
    '2.16.840.1.101.3.4.1.2': 'AES-128-CBC',
    '2.16.840.1.101.3.4.1.42': 'AES-256-CBC',
});
const PBKDF2_PRFS = Object.freeze({
    '1.2.840.113549.2.7': 'HMAC-SHA-1',
    '1.2.840.113549.2.9': 'HMAC-SHA-256',
    '1.2.840.113549.2.10': 'HMAC-SHA-384',
    '1.2.840.113549.2.11': 'HMAC-SHA-512',
});

// Names of legacy PKCS#12 encryption schemes, only to say which one a refused file uses.
const LEGACY_PBE = Object.freeze({
    '1.2.840.113549.1.12.1.1': 'pbeWithSHAAnd128BitRC4',
    '1.2.840.113549.1.12.1.2': 'pbeWithSHAAnd40BitRC4',
    '1.2.840.113549.1.12.1.3': 'pbeWithSHAAnd3-KeyTripleDES-CBC',
    '1.2.840.113549.1.12.1.4': 'pbeWithSHAAnd2-KeyTripleDES-CBC',
    '1.2.840.113549.1.12.1.5': 'pbeWithSHAAnd128BitRC2-CBC',
    '1.2.840.113549.1.12.1.6': 'pbeWithSHAAnd40BitRC2-CBC',
});

const EC_CURVES = Object.freeze({
    '1.2.840.10045.3.1.7': 'P-256',
    '1.3.132.0.34': 'P-384',
    '1.3.132.0.35': 'P-521',
});

// Attribute types of X.500 names, for display (RFC 4514 short names where they exist).
const NAME_ATTRIBUTES = Object.freeze({
    '2.5.4.3': 'CN',
    '2.5.4.4': 'SN',
    '2.5.4.5': 'SERIALNUMBER',
    '2.5.4.6': 'C',
    '2.5.4.7': 'L',
    '2.5.4.8': 'ST',
    '2.5.4.9': 'STREET',
    '2.5.4.10': 'O',
    '2.5.4.11': 'OU',
    '2.5.4.12': 'T',
    '2.5.4.42': 'GIVENNAME',
    '0.9.2342.19200300.100.1.1': 'UID',
    '0.9.2342.19200300.100.1.25': 'DC',
    '1.2.840.113549.1.9.1': 'E',
});

// The identity schemes of the server (command module, SignerIdentity): the subject's UID attribute holds
// "<SCHEME>:<digits>". MST is a business tax code, CCCD/CMND a citizen id, MNS an agency budget code.
const IDENTITY_SCHEMES = Object.freeze({
    MST: /^(\d{10}|\d{13})(-\d{3})?$/,
    CCCD: /^\d{12}$/,
    CMND: /^(\d{9}|\d{12})$/,
    MNS: /^\d{7}$/,
});

const SHA256 = 'SHA-256';

// ---------------------------------------------------------------------------------------------------------------
// PKCS#12

/**
  * Opens a PKCS#12 file (ArrayBuffer or typed array) with its password, checking its integrity MAC first.
  *
  * Returns a frozen credential:
  *   privateKey   CryptoKey, non-extractable, usage "sign" (ECDSA on P-256/384/521, or RSASSA-PKCS1-v1_5 SHA-256)
  *   certificate  {der: Uint8Array, pkijs: pkijs.Certificate}, the certificate of the private key
  *   chain        [{der, pkijs}, ...], the certificate first, then its issuers as far as the file holds them
  *   facts        what a page shows before signing (see certificateFacts)
  *
  * Throws SigningError: webcrypto-unavailable, not-pkcs12, wrong-password, unsupported-algorithm, no-private-key,
  * no-certificate.
  */
export async function loadPkcs12(file, password) {
    const subtle = webCrypto().subtle;
    const engine = cryptoEngine();
    const pfx = parsePfx(toArrayBuffer(file, 'the PKCS#12 file'));
    // PKCS#12 passwords are text; PBES2 and the MAC both start from its UTF-8 bytes (as Java and OpenSSL do).
    const passwordBytes = toArrayBuffer(new TextEncoder().encode(String(password ?? '')));

    const authSafeBytes = await verifyMac(pfx, passwordBytes, engine);
    let authenticatedSafe;
    try {
        authenticatedSafe = pkijs.AuthenticatedSafe.fromBER(authSafeBytes);
    } catch (e) {
        throw new SigningError(ErrorCode.NOT_PKCS12, 'unreadable PKCS#12 contents', { cause: e });
    }

    const keys = [];
    const certificates = [];
    for (const info of authenticatedSafe.safeContents) {
        const safeContents = await openSafeContents(info, passwordBytes, engine);
        await collectBags(safeContents.safeBags, passwordBytes, engine, keys, certificates);
    }
    if (keys.length === 0) {
        throw new SigningError(ErrorCode.NO_PRIVATE_KEY, 'the PKCS#12 file holds no private key');
    }
    if (certificates.length === 0) {
        throw new SigningError(ErrorCode.NO_CERTIFICATE, 'the PKCS#12 file holds no certificate');
    }

    // Usually one key; with several, the first that has a certificate of its own wins.
    for (const key of keys) {
        const imported = await importPrivateKey(subtle, key.der);
        const certificate = await certificateOfKey(subtle, imported, key.localKeyId, certificates);
        if (certificate) {
            const chain = buildChain(certificate, certificates);
            const facts = certificateFacts(certificate.pkijs);
            facts.keyAlgorithm = imported.description;
            facts.friendlyName = key.friendlyName ?? certificate.friendlyName ?? null;
            return Object.freeze({
                privateKey: imported.key,
                certificate: freezeCertificate(certificate),
                chain: Object.freeze(chain.map(freezeCertificate)),
                facts: Object.freeze(facts),
            });
        }
    }
    throw new SigningError(ErrorCode.NO_CERTIFICATE, 'no certificate in the PKCS#12 file belongs to its private key');
}

function parsePfx(buffer) {
    const asn = asn1js.fromBER(buffer);
    if (asn.offset === -1 || asn.result.error) {
        throw new SigningError(ErrorCode.NOT_PKCS12, 'the file is not DER/BER: ' + (asn.result.error || 'unreadable'));
    }
    try {
        return new pkijs.PFX({ schema: asn.result });
    } catch (e) {
        throw new SigningError(ErrorCode.NOT_PKCS12, 'the file is not a PKCS#12 PFX structure', { cause: e });
    }
}

// Checks the password-based MAC over the authenticated safe and returns the bytes it covers. A failed MAC is the
// normal sign of a wrong password; the file's contents are not decrypted before it passes.
async function verifyMac(pfx, passwordBytes, engine) {
    if (pfx.authSafe.contentType !== OID.data) {
        throw new SigningError(
            ErrorCode.UNSUPPORTED_ALGORITHM,
            'PKCS#12 files protected by a public-key signature (authSafe ' + pfx.authSafe.contentType
                + ') are not supported',
        );
    }
    if (!pfx.macData) {
        throw new SigningError(ErrorCode.UNSUPPORTED_ALGORITHM, 'the PKCS#12 file has no password integrity MAC');
    }
    let authSafeBytes;
    try {
        authSafeBytes = pfx.authSafe.content.getValue();
    } catch (e) {
        throw new SigningError(ErrorCode.NOT_PKCS12, 'unreadable PKCS#12 authenticated safe', { cause: e });
    }
    const digestOid = pfx.macData.mac.digestAlgorithm.algorithmId;
    const hashAlgorithm = MAC_DIGESTS[digestOid];
    if (!hashAlgorithm) {
        throw new SigningError(ErrorCode.UNSUPPORTED_ALGORITHM, 'unsupported PKCS#12 MAC algorithm ' + digestOid);
    }
    const valid = await engine.verifyDataStampedWithPassword({
        password: passwordBytes,
        hashAlgorithm,
        salt: toArrayBuffer(pfx.macData.macSalt.valueBlock.valueHexView),
        iterationCount: pfx.macData.iterations || 1,
        contentToVerify: authSafeBytes,
        signatureToVerify: toArrayBuffer(pfx.macData.mac.digest.valueBlock.valueHexView),
    });
    if (!valid) {
        throw new SigningError(ErrorCode.WRONG_PASSWORD, 'the password does not open this PKCS#12 file (MAC mismatch)');
    }
    return authSafeBytes;
}

async function openSafeContents(info, passwordBytes, engine) {
    try {
        if (info.contentType === OID.data) {
            return pkijs.SafeContents.fromBER(info.content.getValue());
        }
        if (info.contentType === OID.encryptedData) {
            const encrypted = new pkijs.EncryptedData({ schema: info.content });
            checkPbes2(encrypted.encryptedContentInfo.contentEncryptionAlgorithm, 'certificates');
            const plain = await decrypt(() => encrypted.decrypt({ password: passwordBytes }, engine));
            return pkijs.SafeContents.fromBER(plain);
        }
    } catch (e) {
        throw asSigningError(e, ErrorCode.NOT_PKCS12, 'unreadable PKCS#12 safe contents');
    }
    throw new SigningError(
        ErrorCode.UNSUPPORTED_ALGORITHM,
        'PKCS#12 safe contents of type ' + info.contentType + ' (public-key encrypted) are not supported',
    );
}

async function collectBags(bags, passwordBytes, engine, keys, certificates) {
    for (const bag of bags) {
        const localKeyId = bagAttribute(bag, OID.localKeyId);
        const friendlyName = bagAttribute(bag, OID.friendlyName);
        const attributes = {
            localKeyId: localKeyId ? new Uint8Array(localKeyId.valueBlock.valueHexView) : null,
            friendlyName: friendlyName ? friendlyName.valueBlock.value : null,
        };
        switch (bag.bagId) {
            case OID.shroudedKeyBag: {
                checkPbes2(bag.bagValue.encryptionAlgorithm, 'private key');
                // Decrypted here rather than by PKCS8ShroudedKeyBag.parseInternalValues to keep the exact PKCS#8 bytes.
                const encrypted = new pkijs.EncryptedData({
                    encryptedContentInfo: new pkijs.EncryptedContentInfo({
                        contentEncryptionAlgorithm: bag.bagValue.encryptionAlgorithm,
                        encryptedContent: bag.bagValue.encryptedData,
                    }),
                });
                const der = await decrypt(() => encrypted.decrypt({ password: passwordBytes }, engine));
                keys.push({ der: new Uint8Array(der), ...attributes });
                break;
            }
            case OID.keyBag:
                keys.push({ der: derOf(bag.bagValue), ...attributes });
                break;
            case OID.certBag:
                if (bag.bagValue.certId === OID.x509Certificate) {
                    const der = new Uint8Array(bag.bagValue.certValue.valueBlock.valueHexView);
                    certificates.push({ der, pkijs: pkijs.Certificate.fromBER(der), ...attributes });
                }
                break;
            case OID.safeContentsBag:
                await collectBags(bag.bagValue.safeBags, passwordBytes, engine, keys, certificates);
                break;
            default:
                // CRL and secret bags play no part in signing.
                break;
        }
    }
}

function bagAttribute(bag, type) {
    const attribute = (bag.bagAttributes || []).find((a) => a.type === type);
    return attribute && attribute.values.length > 0 ? attribute.values[0] : null;
}

// Refuses, before any decryption, what WebCrypto cannot decrypt: the legacy PKCS#12 schemes (3DES, RC2, RC4 of old
// Windows and OpenSSL 1.x exports) and PBES2 with other ciphers or pseudo-random functions.
function checkPbes2(algorithm, what) {
    const oid = algorithm.algorithmId;
    if (oid !== OID.pbes2) {
        const name = LEGACY_PBE[oid] ? LEGACY_PBE[oid] + ' (' + oid + ')' : oid;
        throw new SigningError(
            ErrorCode.UNSUPPORTED_ALGORITHM,
            'the ' + what + ' of this PKCS#12 file are encrypted with ' + name + '; only PBES2 with AES is supported'
                + ' (re-export the file with AES-256 encryption)',
        );
    }
    let params;
    try {
        params = new pkijs.PBES2Params({ schema: algorithm.algorithmParams });
    } catch (e) {
        throw new SigningError(ErrorCode.NOT_PKCS12, 'unreadable PBES2 parameters', { cause: e });
    }
    const cipher = params.encryptionScheme.algorithmId;
    if (params.keyDerivationFunc.algorithmId !== OID.pbkdf2 || !PBES2_CIPHERS[cipher]) {
        throw new SigningError(
            ErrorCode.UNSUPPORTED_ALGORITHM,
            'unsupported PBES2 scheme (' + params.keyDerivationFunc.algorithmId + ', ' + cipher + ') for the ' + what,
        );
    }
    const pbkdf2 = new pkijs.PBKDF2Params({ schema: params.keyDerivationFunc.algorithmParams });
    if (pbkdf2.prf && !PBKDF2_PRFS[pbkdf2.prf.algorithmId]) {
        throw new SigningError(
            ErrorCode.UNSUPPORTED_ALGORITHM,
            'unsupported PBKDF2 function ' + pbkdf2.prf.algorithmId,
        );
    }
}

// AES-CBC decryption with a wrong key fails on its padding (OperationError): after a valid MAC this means the
// contents were encrypted under another password.
async function decrypt(operation) {
    try {
        return await operation();
    } catch (e) {
        if (e instanceof SigningError) {
            throw e;
        }
        if (e && e.name === 'OperationError') {
            throw new SigningError(ErrorCode.WRONG_PASSWORD, 'the password does not decrypt this PKCS#12 file', {
                cause: e,
            });
        }
        throw new SigningError(ErrorCode.NOT_PKCS12, 'unreadable encrypted PKCS#12 contents', { cause: e });
    }
}

// Imports a PKCS#8 PrivateKeyInfo into WebCrypto as a non-extractable signing key.
async function importPrivateKey(subtle, der) {
    let info;
    try {
        info = pkijs.PrivateKeyInfo.fromBER(der);
    } catch (e) {
        throw new SigningError(ErrorCode.NOT_PKCS12, 'unreadable private key', { cause: e });
    }
    const oid = info.privateKeyAlgorithm.algorithmId;
    let algorithm;
    let description;
    if (oid === OID.rsaEncryption) {
        algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: SHA256 };
    } else if (oid === OID.ecPublicKey) {
        const params = info.privateKeyAlgorithm.algorithmParams;
        const curveOid = params instanceof asn1js.ObjectIdentifier ? params.valueBlock.toString() : '(explicit)';
        const curve = EC_CURVES[curveOid];
        if (!curve) {
            throw new SigningError(
                ErrorCode.UNSUPPORTED_ALGORITHM,
                'unsupported elliptic curve ' + curveOid + '; P-256, P-384 and P-521 are supported',
            );
        }
        algorithm = { name: 'ECDSA', namedCurve: curve };
        description = 'EC ' + curve;
    } else {
        throw new SigningError(
            ErrorCode.UNSUPPORTED_ALGORITHM,
            'unsupported key algorithm ' + oid + '; RSA and EC keys are supported',
        );
    }
    let key;
    try {
        key = await subtle.importKey('pkcs8', der, algorithm, false, ['sign']);
    } catch (e) {
        throw new SigningError(ErrorCode.UNSUPPORTED_ALGORITHM, 'the browser cannot use this private key', {
            cause: e,
        });
    }
    if (!description) {
        description = 'RSA ' + key.algorithm.modulusLength;
    }
    return { key, algorithm, description };
}

// The certificate whose public key verifies a signature made with the private key: the bag with the key's
// localKeyId is tried first, then end-entity certificates, then the rest.
async function certificateOfKey(subtle, imported, localKeyId, certificates) {
    const ranked = [...certificates].sort((a, b) => rank(a) - rank(b));
    function rank(c) {
        if (localKeyId && c.localKeyId && equalBytes(localKeyId, c.localKeyId)) {
            return 0;
        }
        return isCa(c.pkijs) ? 2 : 1;
    }
    const probe = crypto.getRandomValues(new Uint8Array(32));
    const params = signatureParams(imported.key);
    const signature = await subtle.sign(params, imported.key, probe);
    for (const candidate of ranked) {
        const spki = candidate.pkijs.subjectPublicKeyInfo;
        const spkiOid = spki.algorithm.algorithmId;
        if ((imported.algorithm.name === 'ECDSA') !== (spkiOid === OID.ecPublicKey)) {
            continue;
        }
        try {
            const publicKey = await subtle.importKey('spki', derOf(spki), imported.algorithm, false, ['verify']);
            if (await subtle.verify(params, publicKey, signature, probe)) {
                return candidate;
            }
        } catch {
            // A certificate whose key does not even import (another curve, ...) is not the one.
        }
    }
    return null;
}

function signatureParams(key) {
    return key.algorithm.name === 'ECDSA' ? { name: 'ECDSA', hash: SHA256 } : { name: key.algorithm.name };
}

function isCa(certificate) {
    const extension = (certificate.extensions || []).find((e) => e.extnID === OID.basicConstraints);
    return Boolean(extension && extension.parsedValue && extension.parsedValue.cA);
}

// The signer certificate, then its issuer, that issuer's issuer, ... as far as the file's certificates go (names
// compared as encoded, as a CA writes its own name the same way into what it issues).
function buildChain(signer, certificates) {
    const chain = [signer];
    let current = signer;
    while (chain.length < 10 && !isSelfIssued(current.pkijs)) {
        const issuerName = current.pkijs.issuer.valueBeforeDecode;
        const issuer = certificates.find(
            (c) => !chain.includes(c) && equalBytes(c.pkijs.subject.valueBeforeDecode, issuerName),
        );
        if (!issuer) {
            break;
        }
        chain.push(issuer);
        current = issuer;
    }
    return chain;
}

function isSelfIssued(certificate) {
    return equalBytes(certificate.subject.valueBeforeDecode, certificate.issuer.valueBeforeDecode);
}

function freezeCertificate(c) {
    return Object.freeze({ der: c.der, pkijs: c.pkijs });
}

// ---------------------------------------------------------------------------------------------------------------
// Certificate facts

/**
  * What a page shows about a certificate (a pkijs.Certificate):
  *   commonName, organization         subject CN and O (null when absent)
  *   identity                         {scheme: 'MST'|'CCCD'|'CMND'|'MNS', value, id: 'MST:0101234567'} from the
  *                                    subject's UID attribute, as the server reads it; null when there is none
  *   subjectSerialNumber              the subject's serialNumber attribute (some CAs put an id there), or null
  *   subject, issuer                  names in RFC 4514 order ("UID=MST:...,CN=...,O=...,C=VN")
  *   issuerCommonName                 issuer CN
  *   serialNumber                     certificate serial number, lowercase hex
  *   notBefore, notAfter              validity (Date)
  *   validNow                         whether the validity period covers the browser's clock
  *   keyAlgorithm, friendlyName       set by loadPkcs12 ("EC P-256", "RSA 2048"; the file's name for the key)
  */
export function certificateFacts(certificate) {
    const subject = nameAttributes(certificate.subject);
    const issuer = nameAttributes(certificate.issuer);
    const first = (attributes, type) => attributes.find((a) => a.type === type)?.value ?? null;
    const notBefore = certificate.notBefore.value;
    const notAfter = certificate.notAfter.value;
    const now = Date.now();
    return {
        commonName: first(subject, 'CN'),
        organization: first(subject, 'O'),
        identity: identityOf(subject),
        subjectSerialNumber: first(subject, 'SERIALNUMBER'),
        subject: formatName(subject),
        issuer: formatName(issuer),
        issuerCommonName: first(issuer, 'CN'),
        serialNumber: toHex(certificate.serialNumber.valueBlock.valueHexView).replace(/^(00)+(?=.)/, ''),
        notBefore,
        notAfter,
        validNow: notBefore.getTime() <= now && now <= notAfter.getTime(),
        keyAlgorithm: null,
        friendlyName: null,
    };
}

function nameAttributes(name) {
    return name.typesAndValues.map((tv) => {
        const value = tv.value && tv.value.valueBlock && typeof tv.value.valueBlock.value === 'string'
            ? tv.value.valueBlock.value
            : '#' + toHex(new Uint8Array(tv.value.toBER(false)));
        return { type: NAME_ATTRIBUTES[tv.type] ?? tv.type, value };
    });
}

function identityOf(subject) {
    for (const attribute of subject) {
        if (attribute.type !== 'UID') {
            continue;
        }
        const uid = attribute.value.trim();
        const colon = uid.indexOf(':');
        const scheme = uid.substring(0, colon);
        const value = uid.substring(colon + 1);
        if (colon > 0 && IDENTITY_SCHEMES[scheme] && IDENTITY_SCHEMES[scheme].test(value)) {
            return Object.freeze({ scheme, value, id: scheme + ':' + value });
        }
    }
    return null;
}

// RFC 4514 string: the last RDN first, special characters escaped.
function formatName(attributes) {
    return [...attributes]
        .reverse()
        .map((a) => a.type + '=' + escapeNameValue(a.value))
        .join(',');
}

function escapeNameValue(value) {
    return value.replace(/([,+"\\<>;])/g, '\\$1').replace(/^([ #])/, '\\$1').replace(/ $/, '\\ ');
}

// ---------------------------------------------------------------------------------------------------------------
// CMS

/**
  * Signs `payload` (Uint8Array or ArrayBuffer) with a credential from loadPkcs12 and returns the DER (Uint8Array) of a
  * detached CMS SignedData, CAdES-BES, that the server's verifier accepts. `signingTime` (Date, default now) is written
  * to the signing-time attribute; the server wants it within five minutes of the payload's signedAt.
  *
  * Throws SigningError: webcrypto-unavailable, signing-failed.
  */
export async function signDetached(credential, payload, signingTime = new Date()) {
    const subtle = webCrypto().subtle;
    const engine = cryptoEngine();
    const content = new Uint8Array(toArrayBuffer(payload, 'the payload'));
    const signer = credential.certificate.pkijs;

    const messageDigest = await subtle.digest(SHA256, content);
    const certificateHash = await subtle.digest(SHA256, credential.certificate.der);
    const signedAttributes = derSorted([
        attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
        attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: messageDigest })),
        attribute(OID.signingTime, cmsTime(signingTime)),
        attribute(OID.signingCertificateV2, signingCertificateV2(signer, certificateHash)),
    ]);

    const signedData = new pkijs.SignedData({
        version: 1,
        encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
        signerInfos: [
            new pkijs.SignerInfo({
                version: 1,
                sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.issuer, serialNumber: signer.serialNumber }),
                signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: signedAttributes }),
            }),
        ],
        // As the Java signer: the chain without self-signed roots (the verifier has its own trust anchors).
        certificates: credential.chain
            .filter((c, i) => i === 0 || !isSelfIssued(c.pkijs))
            .map((c) => pkijs.Certificate.fromBER(c.der)),
    });
    try {
        // With signed attributes present PKI.js signs their DER SET encoding; the content enters via messageDigest.
        await signedData.sign(credential.privateKey, 0, SHA256, toArrayBuffer(content), engine);
    } catch (e) {
        throw new SigningError(ErrorCode.SIGNING_FAILED, 'the browser could not sign: ' + e.message, { cause: e });
    }
    const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
    return new Uint8Array(contentInfo.toSchema().toBER(false));
}

function attribute(type, value) {
    return new pkijs.Attribute({ type, values: [value] });
}

// DER encodes a SET OF in ascending order of its elements' encodings, and the server re-encodes the signed
// attributes in DER before checking the signature: they must be signed in that order.
function derSorted(attributes) {
    const encoded = attributes.map((a) => ({ a, der: new Uint8Array(a.toSchema().toBER(false)) }));
    encoded.sort((x, y) => compareDer(x.der, y.der));
    return encoded.map((e) => e.a);
}

function compareDer(x, y) {
    const length = Math.max(x.length, y.length);
    for (let i = 0; i < length; i++) {
        // X.690 11.6: the shorter encoding is compared as if padded with zero octets.
        const difference = (x[i] ?? 0) - (y[i] ?? 0);
        if (difference !== 0) {
            return difference;
        }
    }
    return 0;
}

// RFC 5652: signing-time is UTCTime for 1950-2049, GeneralizedTime otherwise; whole seconds in both.
function cmsTime(date) {
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
        throw new SigningError(ErrorCode.SIGNING_FAILED, 'the signing time is not a valid Date');
    }
    const seconds = new Date(Math.floor(date.getTime() / 1000) * 1000);
    const year = seconds.getUTCFullYear();
    return year >= 1950 && year < 2050
        ? new asn1js.UTCTime({ valueDate: seconds })
        : new asn1js.GeneralizedTime({ valueDate: seconds });
}

// SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }
// ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT sha256 (so left out in DER), certHash, issuerSerial }
// IssuerSerial ::= SEQUENCE { issuer GeneralNames (one directoryName, [4] explicit), serialNumber }
function signingCertificateV2(signer, certificateHash) {
    const directoryName = new asn1js.Constructed({
        idBlock: { tagClass: 3, tagNumber: 4 },
        value: [signer.issuer.toSchema()],
    });
    const issuerSerial = new asn1js.Sequence({
        value: [new asn1js.Sequence({ value: [directoryName] }), signer.serialNumber],
    });
    const essCertIdV2 = new asn1js.Sequence({
        value: [new asn1js.OctetString({ valueHex: certificateHash }), issuerSerial],
    });
    return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

// ---------------------------------------------------------------------------------------------------------------
// Canonical JSON and envelopes

/**
  * The RFC 8785 (JCS) canonical form of a JSON value made of plain objects, arrays, strings, finite numbers,
  * booleans and null: members sorted by the UTF-16 code units of their names, no white space, ECMAScript number and
  * string serialization. Identical to the server's CanonicalJson. Throws SigningError invalid-payload for anything
  * else (undefined, NaN, infinities, lone surrogates, cycles, Dates or other class instances, BigInt, functions).
  */
export function canonicalJson(value) {
    const out = [];
    writeCanonical(value, out, '$', new Set());
    return out.join('');
}

/** The UTF-8 bytes (Uint8Array) of canonicalJson(value): exactly the bytes that are signed and sent. */
export function canonicalJsonBytes(value) {
    return new TextEncoder().encode(canonicalJson(value));
}

function writeCanonical(value, out, path, ancestors) {
    if (value === null) {
        out.push('null');
        return;
    }
    switch (typeof value) {
        case 'boolean':
            out.push(value ? 'true' : 'false');
            return;
        case 'number':
            if (!Number.isFinite(value)) {
                throw invalidPayload(path, 'is not a finite number');
            }
            // Number-to-string of ECMAScript is the serialization RFC 8785 prescribes (and -0 becomes "0").
            out.push(String(value));
            return;
        case 'string':
            checkWellFormed(value, path);
            // JSON.stringify of a well-formed string is the RFC 8785 string form (short escapes, \u00xx for the rest of
            // the control characters, everything else literal).
            out.push(JSON.stringify(value));
            return;
        case 'object':
            break;
        default:
            throw invalidPayload(path, 'is ' + (value === undefined ? 'undefined' : 'a ' + typeof value));
    }
    if (ancestors.has(value)) {
        throw invalidPayload(path, 'refers back to itself');
    }
    ancestors.add(value);
    if (Array.isArray(value)) {
        out.push('[');
        for (let i = 0; i < value.length; i++) {
            if (i > 0) {
                out.push(',');
            }
            writeCanonical(value[i], out, path + '[' + i + ']', ancestors);
        }
        out.push(']');
    } else {
        const prototype = Object.getPrototypeOf(value);
        if (prototype !== Object.prototype && prototype !== null) {
            throw invalidPayload(path, 'is not a plain object (' + (value.constructor?.name ?? 'unknown') + ')');
        }
        // The default sort compares strings by UTF-16 code units, which is RFC 8785's order (and Java's compareTo).
        const names = Object.keys(value).sort();
        out.push('{');
        names.forEach((name, i) => {
            checkWellFormed(name, path);
            if (i > 0) {
                out.push(',');
            }
            out.push(JSON.stringify(name), ':');
            writeCanonical(value[name], out, path + '.' + name, ancestors);
        });
        out.push('}');
    }
    ancestors.delete(value);
}

function checkWellFormed(text, path) {
    for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        if (unit >= 0xd800 && unit <= 0xdbff) {
            const next = text.charCodeAt(i + 1);
            if (!(next >= 0xdc00 && next <= 0xdfff)) {
                throw invalidPayload(path, 'contains a lone surrogate');
            }
            i++;
        } else if (unit >= 0xdc00 && unit <= 0xdfff) {
            throw invalidPayload(path, 'contains a lone surrogate');
        }
    }
}

function invalidPayload(path, problem) {
    return new SigningError(ErrorCode.INVALID_PAYLOAD, path + ' ' + problem + ': not representable as canonical JSON');
}

/** An RFC 3339 UTC timestamp with whole seconds, as signedAt wants it: "2026-11-23T12:34:56Z". */
export function isoSeconds(date = new Date()) {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
  * Signs a command payload (a plain object with type, tenant, dialogueId and the type's fields) and returns the
  * envelope {payload, signature}: base64 of the canonical UTF-8 bytes and of the detached CMS. A missing `nonce`
  * (a fresh UUID) and `signedAt` (now) are added, as the command line's `sign` does; the argument is not changed. The
  * CMS signing-time is the payload's signedAt. Unsigned extras of a request (the ask's "contact") belong beside the
  * envelope in the request body, never in the payload.
  *
  * Throws SigningError: invalid-payload, webcrypto-unavailable, signing-failed.
  */
export async function signEnvelope(credential, payloadObject) {
    if (payloadObject === null || typeof payloadObject !== 'object' || Array.isArray(payloadObject)) {
        throw invalidPayload('$', 'is not an object');
    }
    const payload = { ...payloadObject };
    if (payload.nonce === undefined) {
        payload.nonce = webCrypto().randomUUID();
    }
    if (payload.signedAt === undefined) {
        payload.signedAt = isoSeconds();
    }
    const bytes = canonicalJsonBytes(payload);
    const signedAt = new Date(payload.signedAt);
    const signature = await signDetached(credential, bytes, Number.isNaN(signedAt.getTime()) ? new Date() : signedAt);
    return { payload: toBase64(bytes), signature: toBase64(signature) };
}

/**
 * The envelope with its payload encrypted to `certificate` (PEM text or DER bytes), for a confidential dialogue: CMS
 * EnvelopedData, key agreement ECDH (SHA-256 KDF, AES-256 key wrap) to an EC certificate or key transport RSA-OAEP
 * (SHA-256) to an RSA one, AES-256-CBC content. The signature stays over the plain bytes, so the server, once it has
 * opened the payload with the People's Committee's key, verifies it as any other: returns
 * { encryptedPayload, signature }, to send instead of { payload, signature }.
 *
 * Throws SigningError: encryption-failed, webcrypto-unavailable.
 */
export async function encryptEnvelope(envelope, certificate) {
    const engine = cryptoEngine();
    try {
        const der = typeof certificate === 'string' ? pemToDer(certificate) : toArrayBuffer(certificate);
        const recipient = pkijs.Certificate.fromBER(der);
        const cms = new pkijs.EnvelopedData();
        cms.addRecipientByCertificate(recipient, { oaepHashAlgorithm: 'SHA-256', kdfAlgorithm: 'SHA-256' }, 2, engine);
        await cms.encrypt({ name: 'AES-CBC', length: 256 }, toArrayBuffer(fromBase64(envelope.payload)), engine);
        const info = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.ENVELOPED_DATA, content: cms.toSchema() });
        return { encryptedPayload: toBase64(new Uint8Array(info.toSchema().toBER(false))), signature: envelope.signature };
    } catch (e) {
        throw asSigningError(e, ErrorCode.ENCRYPTION_FAILED, 'the payload could not be encrypted');
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

function pemToDer(pem) {
    const body = pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
    return toArrayBuffer(fromBase64(body));
}

function fromBase64(text) {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) {
        bytes[i] = binary.charCodeAt(i);
    }
    return bytes;
}

function webCrypto() {
    const c = globalThis.crypto;
    if (!c || !c.subtle) {
        throw new SigningError(
            ErrorCode.WEBCRYPTO_UNAVAILABLE,
            'WebCrypto is not available: the page must be served over HTTPS (or from localhost)',
        );
    }
    return c;
}

// A PKI.js engine bound to the browser's WebCrypto, passed explicitly so that no global PKI.js state matters.
function cryptoEngine() {
    return new pkijs.CryptoEngine({ name: 'webcrypto', crypto: webCrypto() });
}

function toArrayBuffer(data, what = 'the data') {
    if (data instanceof ArrayBuffer) {
        return data.slice(0);
    }
    if (ArrayBuffer.isView(data)) {
        return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
    }
    throw new TypeError(what + ' must be an ArrayBuffer or a typed array');
}

function derOf(pkiObject) {
    return new Uint8Array(pkiObject.toSchema().toBER(false));
}

function equalBytes(a, b) {
    const x = a instanceof Uint8Array ? a : new Uint8Array(a);
    const y = b instanceof Uint8Array ? b : new Uint8Array(b);
    return x.length === y.length && x.every((v, i) => v === y[i]);
}

function toHex(bytes) {
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function toBase64(bytes) {
    let binary = '';
    const chunk = 0x8000;
    for (let i = 0; i < bytes.length; i += chunk) {
        binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
    }
    return btoa(binary);
}

function asSigningError(e, code, message) {
    return e instanceof SigningError ? e : new SigningError(code, message + ': ' + (e && e.message), { cause: e });
}
