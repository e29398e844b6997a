/** Texts made to fit the columns they are written to. */
package vn.edialog.command.text;
