package mx.gob.dif.console;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import mx.gob.dif.deploy.infra.Processes;
import mx.gob.dif.deploy.testing.TestInfra;

import java.util.Map;

/**
 * What the console's tests run against: a real Kafka broker (the live stream reads {@code dif.indicators.updated}
 * from it) and a fixed free port, so the console's API client can be pointed at the test API the tests serve from
 * the same application ({@code FakeApi}) instead of a gateway.
 */
public class ConsoleTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        int port = Processes.freePort();
        return Map.of("kafka.bootstrap.servers", TestInfra.kafka().bootstrapServers(),
                "quarkus.http.test-port", Integer.toString(port),
                "quarkus.rest-client.dif-api.url", "http://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        // the broker is shared by every test class of this JVM and stopped at JVM exit
    }
}
