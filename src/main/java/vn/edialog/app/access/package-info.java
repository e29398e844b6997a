/**
 * Who is reading: askers signed in with their certificate, officials with their Tasklist account. The session, the
 * sign-in flows and the one policy that says which dialogues, inboxes and reports each viewer may read.
 */
package vn.edialog.app.access;
