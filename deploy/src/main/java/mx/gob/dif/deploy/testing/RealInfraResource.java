package mx.gob.dif.deploy.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import mx.gob.dif.deploy.infra.PostgresServer;

import java.util.HashMap;
import java.util.Map;

/**
 * Quarkus test resource: points a service at a real PostgreSQL database of its own and a real
 * Kafka broker (no Docker, no Dev Services). Init args: {@code database} (default {@code dif}),
 * {@code kafka} ({@code true} by default; {@code false} for tests on the in-memory connector).
 */
public class RealInfraResource implements QuarkusTestResourceLifecycleManager {
    private String database = "dif";
    private boolean withKafka = true;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        withKafka = Boolean.parseBoolean(initArgs.getOrDefault("kafka", "true"));
    }

    @Override
    public Map<String, String> start() {
        PostgresServer pg = TestInfra.postgres();
        Map<String, String> config = new HashMap<>();
        try {
            pg.ensureDatabase(database, database, database);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        config.put("quarkus.datasource.jdbc.url", pg.jdbcUrl(database));
        config.put("quarkus.datasource.username", database);
        config.put("quarkus.datasource.password", database);
        if (withKafka) {
            config.put("kafka.bootstrap.servers", TestInfra.kafka().bootstrapServers());
        }
        return config;
    }

    @Override
    public void stop() {
        // servers are shared by every test class of this JVM and stopped at JVM exit
    }
}
