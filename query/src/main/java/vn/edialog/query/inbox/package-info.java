/**
 * Each party's inbox: the dialogues an asker filed and the dialogues an agency moderates or was forwarded, with where
 * each stands (status, handling agency, due date, last activity). Keys are precise (tenant, party); who may read which
 * inbox is the application's decision.
 */
package vn.edialog.query.inbox;
