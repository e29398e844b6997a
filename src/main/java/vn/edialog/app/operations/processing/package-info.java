/**
 * The event processors: the read models' registration, their rebuild by replaying the event store, and dead letters.
 * One event never stops a processor for everyone: a failing event parks its own dialogue's sequence in Axon's
 * sequenced dead-letter queue after a bounded number of attempts, transient failures keep retrying, and operators list,
 * retry and evict parked dialogues ({@code dead-letters} on the command line, the {@code edialog_dead_letters} gauge).
 */
package vn.edialog.app.operations.processing;
