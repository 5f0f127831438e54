package mx.gob.dif.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DIF_SCALE: several instances of a service, each with its own name (pid, log) and port. */
class StackTest {
    private static Stack stack(Map<String, String> env) {
        return new Stack(Path.of("/p"), Path.of("/r"), env);
    }

    @Test
    void withoutDifScaleEachServiceRunsOnce() {
        assertEquals(List.of("programs", "cases", "indicators", "gateway", "console"),
                stack(Map.of()).services().stream().map(Stack.Service::name).toList());
    }

    @Test
    void difScaleAddsInstancesWithTheirOwnNamesAndPorts() {
        Stack s = stack(Map.of("DIF_SCALE", "indicators=2, programs=3", "DIF_PROGRAMS_3_PORT", "9999"));
        assertEquals(List.of("programs", "programs-2", "programs-3", "cases", "indicators", "indicators-2", "gateway", "console"),
                s.services().stream().map(Stack.Service::name).toList());
        assertEquals(List.of(8083, 8183), s.instances("indicators").stream().map(Stack.Service::port).toList());
        assertEquals(List.of(8081, 8181, 9999), s.instances("programs").stream().map(Stack.Service::port).toList());
        assertTrue(s.instances("indicators").stream().allMatch(i -> i.database().equals("dif_indicators")
                && i.module().equals("indicators-service")), "one database and one jar for every instance of a service");
    }

    @Test
    void aWrongDifScaleIsRefusedWithWhatToWrite() {
        for (String wrong : List.of("indicators", "indicators=0", "gateway=2", "indicators=two", "reports=2")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> stack(Map.of("DIF_SCALE", wrong)).services(), wrong);
            assertTrue(e.getMessage().contains("DIF_SCALE=indicators=2,programs=2"), e.getMessage());
        }
    }

    @Test
    void theGatewayIsToldEveryOtherServiceWithAllItsInstances() {
        Stack s = stack(Map.of("DIF_SCALE", "indicators=2"));
        assertEquals(Map.of("GATEWAY_SERVICES_PROGRAMS", "http://127.0.0.1:8081", "GATEWAY_SERVICES_CASES", "http://127.0.0.1:8082",
                "GATEWAY_SERVICES_INDICATORS", "http://127.0.0.1:8083,http://127.0.0.1:8183",
                "GATEWAY_SERVICES_CONSOLE", "http://127.0.0.1:8084"), s.gatewayRoutes());
    }
}
