/**
 * The pages of businesses and citizens signed in with their certificate: their dialogues, composing and signing a new
 * one in the browser, and following up (clarify, rate, reopen) — every message signed with their own key.
 */
package vn.edialog.app.asker;
