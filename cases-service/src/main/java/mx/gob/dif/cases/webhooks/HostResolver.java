package mx.gob.dif.cases.webhooks;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * How receivers' host names become addresses: the system's resolver, once per registration and
 * once per attempt. A bean so tests can name hosts that no DNS knows.
 */
@ApplicationScoped
public class HostResolver implements WebhookUrls.Resolver {
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return InetAddress.getAllByName(host);
    }
}
