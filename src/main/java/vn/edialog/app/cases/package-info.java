/** The officials' case page: the full signed timeline of one dialogue, linked from the Tasklist's task forms. */
package vn.edialog.app.cases;
