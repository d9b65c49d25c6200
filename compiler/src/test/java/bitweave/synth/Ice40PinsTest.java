package bitweave.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pin tables (icestorm's) and the constraint lines: board clock pins, the pin order, too many port bits. */
class Ice40PinsTest {
    @Test
    void everyDeviceAndPackageHasAPinTable() {
        for (Ice40Device d : Ice40Device.values()) {
            assertTrue(d.packages().contains(d.defaultPackage()), d.spelling());
            for (String pkg : d.packages()) {
                assertTrue(Ice40Pins.pins(d, pkg).map(p -> !p.isEmpty()).orElse(false), d.spelling() + " " + pkg);
            }
        }
        assertEquals(39, Ice40Pins.pins(Ice40Device.UP5K, "sg48").orElseThrow().size());
        assertEquals(206, Ice40Pins.pins(Ice40Device.HX8K, "ct256").orElseThrow().size());
        assertEquals(96, Ice40Pins.pins(Ice40Device.HX1K, "tq144").orElseThrow().size());
        // the 4K parts are the 8K die: tq144 of hx4k is the 8K's tq144:4k bond-out
        assertEquals(Ice40Pins.pins(Ice40Device.HX8K, "tq144:4k"), Ice40Pins.pins(Ice40Device.HX4K, "tq144"));
    }

    @Test
    void pinsAreOrderedByRowLetterThenNumber() {
        assertEquals(List.of("2", "3", "4", "6", "9", "10", "11"), Ice40Pins.pins(Ice40Device.UP5K, "sg48").orElseThrow().subList(0, 7));
        List<String> ct256 = Ice40Pins.pins(Ice40Device.HX8K, "ct256").orElseThrow();
        assertEquals(List.of("A1", "A2", "A5", "A6", "A7", "A9", "A10"), ct256.subList(0, 7));
        assertTrue(ct256.indexOf("B1") > ct256.indexOf("A16"), ct256.toString());
    }

    @Test
    void onTheIcebreakerClkTakesPin35AndTheFlashPinsStayFree() {
        List<String> lines = Ice40Pins.setIoLines(Ice40Device.UP5K, "sg48", List.of(
                new Ice40Pins.PortBits("rst", "input", 1), new Ice40Pins.PortBits("clk", "input", 1),
                new Ice40Pins.PortBits("d", "output", 12)));
        assertEquals("set_io clk 35", lines.get(0));
        assertEquals("set_io rst 2", lines.get(1));
        assertEquals("set_io d[0] 3", lines.get(2));
        assertEquals(14, lines.size());
        // pins 12 and 13 then 18: 14..17 are the flash's
        assertEquals(List.of("set_io d[6] 12", "set_io d[7] 13", "set_io d[8] 18"), lines.subList(8, 11));
        List<String> hx8k = Ice40Pins.setIoLines(Ice40Device.HX8K, "ct256", List.of(new Ice40Pins.PortBits("clk", "input", 1)));
        assertEquals(List.of("set_io clk J3"), hx8k);
    }

    @Test
    void withoutABoardClkIsAnOrdinaryPort() {
        List<String> lines = Ice40Pins.setIoLines(Ice40Device.HX1K, "tq144", List.of(new Ice40Pins.PortBits("clk", "input", 1)));
        assertEquals(List.of("set_io clk 1"), lines);
    }

    @Test
    void morePortBitsThanPinsNamesBothNumbers() {
        // iCEBreaker: 39 pins, clock pin for clk, 4 flash pins reserved: 34 for the rest, 35 with clk
        List<Ice40Pins.PortBits> fits = List.of(new Ice40Pins.PortBits("clk", "input", 1), new Ice40Pins.PortBits("x", "input", 34));
        assertEquals(35, Ice40Pins.setIoLines(Ice40Device.UP5K, "sg48", fits).size());
        Ice40Pins.TooManyBits e = assertThrows(Ice40Pins.TooManyBits.class, () -> Ice40Pins.setIoLines(Ice40Device.UP5K,
                "sg48", List.of(new Ice40Pins.PortBits("clk", "input", 1), new Ice40Pins.PortBits("x", "input", 35))));
        assertEquals(36, e.bits());
        assertEquals(35, e.pins());
    }
}
