package mx.gob.dif.common.csv;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvCellsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "=HYPERLINK(\"http://x\")|'=HYPERLINK(\"http://x\")",
            "+52 618|'+52 618",
            "-1+1|'-1+1",
            "@SUM(A1)|'@SUM(A1)",
            "Visitas de seguimiento|Visitas de seguimiento",
            "10005|10005",
            "a=b|a=b"})
    void formulaStartsAreShownAsText(String cell, String expected) {
        assertEquals(expected, CsvCells.safe(cell));
    }

    @org.junit.jupiter.api.Test
    void controlStartsToo() {
        assertEquals("'\tcmd", CsvCells.safe("\tcmd"));
        assertEquals("'\rcmd", CsvCells.safe("\rcmd"));
        assertEquals("", CsvCells.safe(""));
    }
}
