package mx.gob.dif.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The consumer groups of cases-service's event loops (offsets stored in its own consumer_offset table). */
@ConfigMapping(prefix = "cases.consumers")
public interface ConsumerGroups {
    /** Programs and org units of programs-service's catalog. */
    @WithDefault("cases-catalog")
    String catalog();

    /** Indicator updates that become webhook deliveries. */
    @WithDefault("cases-webhooks")
    String webhooks();
}
