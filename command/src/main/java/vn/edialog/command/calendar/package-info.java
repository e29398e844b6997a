/** Working days and due dates in Vietnam (Asia/Ho_Chi_Minh). */
package vn.edialog.command.calendar;
