/**
 * The public portal: its pages (the provinces, search over published answers, one published dialogue with the signed
 * timeline of its public messages) and its read API (the same, as JSON, with evidence downloads and the Atom feed).
 * Also the re-checked signed timeline ({@code SignedTimeline}) and the error pages that the other pages reuse.
 */
package vn.edialog.app.portal;
