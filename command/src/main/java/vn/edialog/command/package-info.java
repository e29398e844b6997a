/** Write side of eDialog. */
package vn.edialog.command;
