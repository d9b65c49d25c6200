package bitweave.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.golden.Beat;
import bitweave.golden.VectorSet;
import bitweave.ir.TopInterface;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorFileTest {
    static final long SEED = Long.getLong("bitweave.seed", 7L);

    @Test
    void exactFormatForASmallSet() {
        TopInterface iface = TopInterface.of(TestDesigns.tree2().top());
        VectorSet v = new VectorSet(iface,
                List.of(new Beat("in", List.of(BigInteger.valueOf(0xff01), BigInteger.valueOf(0x0203), BigInteger.ZERO), 0),
                        new Beat("in", List.of(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ONE), 0)),
                List.of(new Beat("out", List.of(BigInteger.valueOf(5)), 0)), 1);
        assertEquals("""
                bitweave-vectors 1
                stream in input
                field in_a 16
                field in_b 16
                field in_last 1
                stream out output
                field out_sum 32
                end-header
                counts 1 2 1
                in 0 ff01 0203 0
                in 0 0000 0000 1
                out 0 00000005
                """, VectorFile.format(v));
    }

    @Test
    void headerListsEveryInputStreamThenTheOutput() {
        assertEquals(List.of("bitweave-vectors 1", "stream w input", "field w_data 32", "stream in input",
                        "field in_x 16", "stream out output", "field out_y 36", "end-header"),
                VectorFile.headerLines(TopInterface.of(TestDesigns.ws2x2().top())));
    }

    @Test
    void roundTripsRandomSetsIncludingWidePorts(@TempDir Path dir) throws IOException {
        VectorSet[] sets = {TestDesigns.tree2Vectors(SEED, 50), TestDesigns.ws2x2Vectors(SEED, 50),
                TestDesigns.wideVectors(SEED, 50)};
        for (VectorSet v : sets) {
            Path f = dir.resolve("v.txt");
            VectorFile.write(v, f);
            assertEquals(v, VectorFile.read(f, v.iface()), "seed " + SEED);
            assertEquals(VectorFile.format(v), Files.readString(f), "seed " + SEED);
        }
    }

    @Test
    void hexHasExactlyOneDigitPerFourBits() {
        assertEquals("0", VectorFile.hex(BigInteger.ZERO, 1, "p"));
        assertEquals("1", VectorFile.hex(BigInteger.ONE, 1, "p"));
        assertEquals("3ffffffffffffffffffffffffffffffff", VectorFile.hex(TestDesigns.mask(130), 130, "p"));
        assertEquals("000000000000000000000000", VectorFile.hex(BigInteger.ZERO, 96, "p"));
    }

    @Test
    void rejectsValuesThatDoNotFitTheirPort() {
        TopInterface iface = TopInterface.of(TestDesigns.tree2().top());
        VectorSet tooWide = new VectorSet(iface,
                List.of(new Beat("in", List.of(BigInteger.ONE.shiftLeft(16), BigInteger.ZERO, BigInteger.ZERO), 0)),
                List.of(), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VectorFile.format(tooWide));
        assertTrue(e.getMessage().contains("in_a"), e.getMessage());
        VectorSet negative = new VectorSet(iface, List.of(),
                List.of(new Beat("out", List.of(BigInteger.valueOf(-1)), 0)), 1);
        assertThrows(IllegalArgumentException.class, () -> VectorFile.format(negative));
        VectorSet wrongStream = new VectorSet(iface,
                List.of(new Beat("w", List.of(BigInteger.ZERO), 0)), List.of(), 1);
        assertThrows(IllegalArgumentException.class, () -> VectorFile.format(wrongStream));
    }

    @Test
    void readRefusesAFileForAnotherDesign(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("v.txt");
        VectorFile.write(TestDesigns.tree2Vectors(SEED, 3), f);
        IOException e = assertThrows(IOException.class,
                () -> VectorFile.read(f, TopInterface.of(TestDesigns.ws2x2().top())));
        assertTrue(e.getMessage().contains("header"), e.getMessage());
    }
}
