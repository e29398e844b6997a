/**
 * The public portal: answered, non-confidential dialogues as published Q&A, searchable with and without Vietnamese
 * diacritics, and the newest publications for the Atom feed. Holds no personal data of askers.
 */
package vn.edialog.query.portal;
