/** The public portal's read API: published answers, their signed timeline, evidence downloads and the Atom feed. */
package vn.edialog.app.portal;
