package mx.gob.dif.common.logging;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.logging.Handler;
import java.util.logging.Logger;

/** {@code DIF_JSON_LOGS=true}: every log handler of the service writes JSON lines. */
@ApplicationScoped
public class JsonLogs {

    void onStart(@Observes @Priority(1) StartupEvent e) {
        if (Boolean.parseBoolean(System.getenv().getOrDefault("DIF_JSON_LOGS", "false"))) {
            JsonLineFormatter json = new JsonLineFormatter();
            for (Handler h : Logger.getLogger("").getHandlers()) {
                apply(h, json);
            }
        }
    }

    private static void apply(Handler h, JsonLineFormatter json) {
        h.setFormatter(json);
        if (h instanceof org.jboss.logmanager.ExtHandler ext) {
            for (Handler child : ext.getHandlers()) {
                apply(child, json);
            }
        }
    }
}
