/**
 * Each dialogue's timeline: every event with a short Vietnamese and English summary, its evidence (signed bytes, CMS
 * signature, certificate chain, hash chain) and the signer facts read from the signer's certificate.
 */
package vn.edialog.query.timeline;
