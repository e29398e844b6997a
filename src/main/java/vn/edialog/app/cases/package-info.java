/**
 * The officials' case page: one dialogue's facts, question, answer and full signed timeline (re-checked), for the
 * officials of the agencies taking part, linked from the Tasklist's task forms and the agency's list.
 */
package vn.edialog.app.cases;
