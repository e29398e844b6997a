/** Read side of eDialog. */
package vn.edialog.query;
