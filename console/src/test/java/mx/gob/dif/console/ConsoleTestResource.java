package mx.gob.dif.console;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import mx.gob.dif.deploy.testing.TestInfra;

import java.util.Map;

/** A real Kafka broker for the console's tests: the live stream reads {@code dif.indicators.updated} from it. */
public class ConsoleTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", TestInfra.kafka().bootstrapServers());
    }

    @Override
    public void stop() {
        // the broker is shared by every test class of this JVM and stopped at JVM exit
    }
}
