/**
 * The one way a message enters the record, for askers, officials and the system alike: the signature verified (an
 * asker's envelope) or made (the agency's or the system's key), the nonce recorded, the tracking code allocated or
 * looked up, the command sent, and the stored event's sequence and chain hash taken from the command's result. All of
 * it happens in one transaction, so a refusal at any step changes nothing. Askers also get a signed receipt.
 */
package vn.edialog.app.submission;
