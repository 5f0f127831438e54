package mx.gob.dif.common.production;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The production start check every service and the gateway share. Validated with the rest of the
 * configuration, before anything starts (database migrations, consumers, the HTTP server), so a
 * production start with a demo secret stops with the Spanish reasons of {@link ProductionRules} and
 * touches nothing. Configured in service-common's microprofile-config.properties ({@code enforced}
 * under the prod profile, the OIDC URL) and in each service's application.properties (its secrets).
 */
@ConfigMapping(prefix = "dif.production")
@ProductionReady
public interface ProductionSettings {
    /** Whether this run must pass the production rules: true under the prod profile only. */
    @WithDefault("false")
    boolean enforced();

    /** The realm's URL the service validates tokens against (quarkus.oidc.auth-server-url). */
    Optional<String> oidcUrl();

    /**
     * The service's secret settings by property name, e.g. {@code "quarkus.datasource.password"}: the value in
     * effect (an expression of that property) and the demo values the repository ships for development.
     */
    Map<String, SecretSetting> secrets();

    interface SecretSetting {
        Optional<String> value();

        List<String> demo();
    }

    /** Why this configuration may not run in production; empty when it may or when it is not a production run. */
    default List<String> problems() {
        if (!enforced()) {
            return List.of();
        }
        return ProductionRules.problems(oidcUrl().orElse(""), secrets().entrySet().stream()
                .map(e -> new ProductionRules.Secret(e.getKey(), e.getValue().value(), e.getValue().demo()))
                .toList());
    }
}
