package mx.gob.dif.cases.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** Which receiver URLs are accepted, and how a URL may appear in logs. Plain Java. */
public final class WebhookUrls {
    public static final int MAX_LENGTH = 2000;
    /** Plain http is only for a receiver on the same machine (local tests). */
    public static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1");

    private WebhookUrls() {
    }

    /** Why the URL cannot receive webhooks (Spanish, for the 422), or null when it can. */
    public static String problem(String url) {
        if (url == null || url.isBlank()) {
            return "Falta la URL que recibirá los avisos (campo 'url').";
        }
        if (url.length() > MAX_LENGTH) {
            return "La URL no debe pasar de " + MAX_LENGTH + " caracteres.";
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return "La URL no es válida: " + e.getReason() + ".";
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || scheme == null) {
            return "La URL debe ser absoluta, con esquema y servidor, p. ej. https://sistema.dependencia.gob.mx/webhooks/dif.";
        }
        if (uri.getRawUserInfo() != null) {
            return "La URL no debe llevar usuario ni contraseña: verifique la firma X-Dif-Signature en lugar de ello.";
        }
        if (uri.getRawFragment() != null) {
            return "La URL no debe llevar fragmento (#...).";
        }
        boolean loopback = LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!"https".equals(scheme) && !("http".equals(scheme) && loopback)) {
            return "La URL debe usar https://; http:// solo se acepta para localhost o 127.0.0.1 (pruebas locales).";
        }
        return null;
    }

    /**
     * Scheme, host and port only: paths and query strings may carry the receiver's own tokens,
     * so logs never show them.
     */
    public static String forLogs(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException | RuntimeException e) {
            return "<invalid url>";
        }
    }
}
