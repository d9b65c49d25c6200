package bitweave.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PluralTest {
    @Test
    void oneTakesTheSingular() {
        assertEquals("1 cycle", Plural.count(1, "cycle"));
        assertEquals("-1 cycle", Plural.count(-1, "cycle"));
        assertEquals("0 cycles", Plural.count(0, "cycle"));
        assertEquals("2 cycles", Plural.count(2, "cycle"));
        assertEquals("1 weight matrix", Plural.count(1, "weight matrix", "weight matrices"));
        assertEquals("3 weight matrices", Plural.count(3, "weight matrix", "weight matrices"));
        assertEquals("element", Plural.unit(1, "element", "elements"));
    }
}
