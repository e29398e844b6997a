/** Signed envelopes: canonical JSON, CAdES-BES CMS verification and signing, certificate path and revocation policy. */
package vn.edialog.command.signature;
