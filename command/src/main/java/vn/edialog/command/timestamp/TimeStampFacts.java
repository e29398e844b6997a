package vn.edialog.command.timestamp;

import java.math.BigInteger;
import java.time.Instant;

/**
 * What a verified time-stamp token proves: that the data with this digest existed at {@code time}, said by the
 * authority {@code authority} (its certificate's subject) under {@code policy}; the proof holds as long as the
 * authority's certificate, until {@code authorityExpires}, unless an archive time-stamp renews it.
 */
public record TimeStampFacts(
        Instant time,
        BigInteger serialNumber,
        String policy,
        String authority,
        String digestAlgorithm,
        Instant authorityExpires) {}
