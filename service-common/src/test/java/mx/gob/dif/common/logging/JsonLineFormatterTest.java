package mx.gob.dif.common.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLineFormatterTest {

    @Test
    void eachLineIsValidJsonEvenWithQuotesNewlinesAndStackTraces() throws Exception {
        LogRecord r = new LogRecord(Level.WARNING, "Plan \"10005\"\nrejected\t{0}");
        r.setParameters(new Object[]{"twice"});
        r.setLoggerName("mx.gob.dif.test");
        r.setThrown(new IllegalStateException("boom"));
        String line = new JsonLineFormatter().format(r);
        assertTrue(line.endsWith("}\n"));
        JsonNode n = new ObjectMapper().readTree(line);
        assertEquals("WARNING", n.get("level").asText());
        assertEquals("mx.gob.dif.test", n.get("logger").asText());
        assertEquals("Plan \"10005\"\nrejected\ttwice", n.get("message").asText());
        assertTrue(n.get("exception").asText().contains("IllegalStateException: boom"));
    }
}
