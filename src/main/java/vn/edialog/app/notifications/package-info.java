/** E-mail notifications: an outbox filled exactly once per event and recipient, and its dispatcher. */
package vn.edialog.app.notifications;
