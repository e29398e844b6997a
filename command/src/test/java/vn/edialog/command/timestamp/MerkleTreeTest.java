package vn.edialog.command.timestamp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 9162's tree hash against Certificate Transparency's test vectors, and every proof of trees of 1 to 40 leaves. */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The leaves of the reference test data of RFC 6962's implementations. */
    private static final List<byte[]> VECTOR = List.of(
            HEX.parseHex(""),
            HEX.parseHex("00"),
            HEX.parseHex("10"),
            HEX.parseHex("2021"),
            HEX.parseHex("3031"),
            HEX.parseHex("40414243"),
            HEX.parseHex("5051525354555657"),
            HEX.parseHex("606162636465666768696a6b6c6d6e6f"));

    @Test
    void theRootsAreThoseOfTheReferenceVectors() {
        assertThat(HEX.formatHex(MerkleTree.root(VECTOR.subList(0, 1))))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(HEX.formatHex(MerkleTree.root(VECTOR.subList(0, 5))))
                .isEqualTo("4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4");
        assertThat(HEX.formatHex(MerkleTree.root(VECTOR)))
                .isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    }

    @Test
    void everyLeafOfEveryTreeUpToFortyLeavesProvesItsInclusionAndNothingElseDoes() {
        for (int size = 1; size <= 40; size++) {
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                leaves.add(("event " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            byte[] root = MerkleTree.root(leaves);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = MerkleTree.proof(leaves, index);
                assertThat(MerkleTree.verify(leaves.get(index), index, size, proof, root))
                        .as("leaf %d of %d", index, size)
                        .isTrue();
                assertThat(proof.size()).isLessThanOrEqualTo(32 - Integer.numberOfLeadingZeros(size));
                assertThat(MerkleTree.verify("another event".getBytes(), index, size, proof, root))
                        .isFalse();
                if (size > 1) {
                    assertThat(MerkleTree.verify(leaves.get(index), (index + 1) % size, size, proof, root))
                            .as("the proof of leaf %d of %d at another index", index, size)
                            .isFalse();
                }
                assertThat(MerkleTree.verify(leaves.get(index), index, index, proof, root))
                        .as("a leaf outside the tree")
                        .isFalse();
            }
        }
    }
}
