package vn.edialog.command.timestamp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree hash and inclusion proofs of RFC 9162 (Certificate Transparency 2.0, section 2.1) with SHA-256: a
 * leaf hashes as {@code SHA-256(0x00 || data)}, an inner node as {@code SHA-256(0x01 || left || right)}, and a tree of
 * n leaves splits at the largest power of two below n. One time-stamp over the root proves every leaf; a leaf's proof
 * is the log2(n) hashes that lead from it to the root.
 */
public final class MerkleTree {

    private MerkleTree() {}

    /** The root of the tree over {@code leaves} (each leaf's data, in order; at least one). */
    public static byte[] root(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            throw new IllegalArgumentException("a Merkle tree has at least one leaf");
        }
        List<byte[]> level = new ArrayList<>(leaves.size());
        for (byte[] leaf : leaves) {
            level.add(leafHash(leaf));
        }
        return subtree(level, 0, level.size());
    }

    /** The inclusion proof of leaf {@code index} (RFC 9162, 2.1.3.1): the sibling hashes from the leaf upwards. */
    public static List<byte[]> proof(List<byte[]> leaves, int index) {
        if (index < 0 || index >= leaves.size()) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + leaves.size());
        }
        List<byte[]> hashes = new ArrayList<>(leaves.size());
        for (byte[] leaf : leaves) {
            hashes.add(leafHash(leaf));
        }
        List<byte[]> path = new ArrayList<>();
        collect(hashes, 0, hashes.size(), index, path);
        return path;
    }

    /** Whether {@code proof} leads from leaf {@code index} of a tree of {@code size} leaves to {@code root}. */
    public static boolean verify(byte[] leaf, long index, long size, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        // RFC 9162, 2.1.3.2.
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash(leaf);
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    private static byte[] subtree(List<byte[]> hashes, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return hashes.get(from);
        }
        int k = splitPoint(n);
        return node(subtree(hashes, from, from + k), subtree(hashes, from + k, to));
    }

    private static void collect(List<byte[]> hashes, int from, int to, int index, List<byte[]> path) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = splitPoint(n);
        if (index < k) {
            collect(hashes, from, from + k, index, path);
            path.add(subtree(hashes, from + k, to));
        } else {
            collect(hashes, from + k, to, index - k, path);
            path.add(subtree(hashes, from, from + k));
        }
    }

    /** The largest power of two smaller than {@code n} (n ≥ 2). */
    private static int splitPoint(int n) {
        return Integer.highestOneBit(n - 1);
    }

    static byte[] leafHash(byte[] data) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x00);
        return sha256.digest(data);
    }

    private static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x01);
        sha256.update(left);
        return sha256.digest(right);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
