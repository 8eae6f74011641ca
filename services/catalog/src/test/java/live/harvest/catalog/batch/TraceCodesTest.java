package live.harvest.catalog.batch;

import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trace codes are typed by people from a label: how they are made, and how forgiving reading them is. */
@UnitTest
class TraceCodesTest {

    @Test
    void givenNewCodes_thenEachHasTheLabelShapeUsesNoAmbiguousLettersAndReadsBackAsItself() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String code = TraceCodes.next();
            assertTrue(code.matches("HL-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"), code);
            assertEquals(Optional.of(code), TraceCodes.normalize(code));
            assertTrue(seen.add(code), "repeated " + code);
        }
    }

    @Test
    void givenACodeTypedCarelessly_whenRead_thenCaseSpacesDashesAndThePrefixDoNotMatter() {
        for (String typed : new String[]{"HL-7K3M-Q9TX", "hl-7k3m-q9tx", "7K3MQ9TX", " 7k3m q9tx ", "hl7k3mq9tx",
                "HL 7K3M-Q9TX", "7-K-3-M-Q-9-T-X"}) {
            assertEquals(Optional.of("HL-7K3M-Q9TX"), TraceCodes.normalize(typed), typed);
        }
    }

    @Test
    void givenLettersThatLookLikeDigits_whenRead_thenTheyAreReadTheCrockfordWay() {
        assertEquals(Optional.of("HL-0011-1100"), TraceCodes.normalize("OoIi-Ll0O"));
    }

    @Test
    void givenSomethingThatCannotBeATraceCode_whenRead_thenItIsRefused() {
        for (String typed : new String[]{null, "", "HL-7K3M-Q9T", "HL-7K3M-Q9TXY", "7K3M-Q9TU", "7K3M-Q9T!",
                "XX7K3MQ9TX", " ".repeat(30) + "7K3M-Q9TX" + " ".repeat(2)}) {
            assertEquals(Optional.empty(), TraceCodes.normalize(typed), String.valueOf(typed));
        }
    }

    @Test
    void givenALongPaddedInputUpToTheLimit_whenRead_thenItIsStillAccepted() {
        assertEquals(Optional.of("HL-7K3M-Q9TX"), TraceCodes.normalize(" ".repeat(28) + "HL-7K3M-Q9TX"));
    }
}
