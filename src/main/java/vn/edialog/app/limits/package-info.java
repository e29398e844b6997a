/**
 * Rate limits per client address and per signing certificate (Bucket4j on PostgreSQL) and the signed intake's bound
 * on concurrent commands.
 */
package vn.edialog.app.limits;
