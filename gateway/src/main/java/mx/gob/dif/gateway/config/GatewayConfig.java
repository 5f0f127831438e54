package mx.gob.dif.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;

/** Where each service listens (env: GATEWAY_SERVICES_PROGRAMS etc.) and proxy limits. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Base URL per service name, e.g. programs → http://127.0.0.1:8081. */
    Map<String, String> services();

    /** Milliseconds to wait for a service's answer (large imports and reports need time). */
    @WithDefault("120000")
    long upstreamTimeoutMs();
}
