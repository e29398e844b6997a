/**
 * Confidential dialogues (ADR 018): each dialogue's data key, wrapped for the agencies that may read it, and its
 * signed payloads stored encrypted under that key outside the event store.
 */
package vn.edialog.app.confidential;
