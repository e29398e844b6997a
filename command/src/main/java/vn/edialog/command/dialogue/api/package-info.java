/**
 * The published language of the dialogue: commands, events, value objects and refusals, as plain records that the
 * query and process modules read. No framework types other than Axon's routing and revision annotations.
 */
package vn.edialog.command.dialogue.api;
