package mx.gob.dif.gateway.routing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoolTest {
    private static final String A = "http://10.0.0.5:8083";
    private static final String B = "http://10.0.0.6:8083";
    private static final String C = "http://10.0.0.7:8083";

    @Test
    void oneAddressKeepsWorking() {
        Pool p = new Pool("programs", "http://127.0.0.1:8081");
        assertEquals(List.of("http://127.0.0.1:8081", "http://127.0.0.1:8081"), bases(p, 2));
        assertTrue(p.pick(p.instances().get(0)).isEmpty(), "no other instance to retry on");
    }

    @Test
    void severalAddressesAreTakenInTurn() {
        Pool p = new Pool("indicators", A + ", " + B + "," + C);
        assertEquals(List.of(A, B, C, A, B, C), bases(p, 6));
    }

    @Test
    void anEjectedInstanceIsSkippedUntilReadmitted() {
        Pool p = new Pool("indicators", A + "," + B + "," + C);
        Pool.Instance b = p.instances().get(1);
        p.eject(b);
        assertEquals(List.of(A, C, C, A), bases(p, 4));
        p.readmit(b);
        assertTrue(bases(p, 3).contains(B));
    }

    @Test
    void whileEveryInstanceIsEjectedTheyAreStillTriedInTurn() {
        Pool p = new Pool("indicators", A + "," + B);
        p.instances().forEach(p::eject);
        assertEquals(List.of(A, B, A, B), bases(p, 4));
    }

    @Test
    void aRetryGoesToAnotherInstance() {
        Pool p = new Pool("indicators", A + "," + B);
        Pool.Instance a = p.instances().get(0);
        for (int i = 0; i < 4; i++) {
            assertEquals(B, p.pick(a).orElseThrow().base().toString());
        }
    }

    @Test
    void aServiceWithoutAddressIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new Pool("cases", " , "));
    }

    private static List<String> bases(Pool p, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(p.pick(null).orElseThrow().base().toString());
        }
        return out;
    }
}
