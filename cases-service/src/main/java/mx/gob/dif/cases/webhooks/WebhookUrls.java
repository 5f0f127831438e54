package mx.gob.dif.cases.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Which receiver URLs are accepted, where a delivery connects, and how a URL may appear in logs.
 * Outside development and tests ({@code allowPrivate} false) the host must resolve to public
 * Internet addresses only ({@link PublicAddresses}), checked on registration and again on every
 * delivery, which then connects to the very address that was checked. Plain Java.
 */
public final class WebhookUrls {
    public static final int MAX_LENGTH = 2000;
    /** Plain http is only for a receiver on the same machine (local tests). */
    public static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1");
    /**
     * One answer whether the name does not resolve or resolves to an address that is not public: two
     * answers would tell an integrator which internal names exist.
     */
    public static final String NOT_PUBLIC = "La URL debe apuntar a un servidor público de Internet: su nombre no se pudo "
            + "resolver o corresponde a una dirección local, privada, de enlace local, reservada o de metadatos de la nube, "
            + "que no se aceptan.";

    /** How a host name becomes addresses ({@link HostResolver} in the service; tests pass their own). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Where one delivery goes: the URL's host name (for Host, SNI and the certificate) and the checked address to connect to. */
    public record Target(String host, int port, boolean tls, String pathAndQuery, InetAddress address) {
    }

    /** Why a delivery may not go to the URL; {@code logReason} is English, for the service's log only. */
    public static final class NotDeliverable extends Exception {
        public NotDeliverable(String logReason) {
            super(logReason, null, false, false);
        }
    }

    private WebhookUrls() {
    }

    /**
     * Why the URL cannot receive webhooks (Spanish, for the 422), or null when it can. With
     * {@code allowPrivate} (dev and test only) the host is not resolved at all.
     */
    public static String problem(String url, boolean allowPrivate, Resolver resolver) {
        String problem = problem(url);
        if (problem != null || allowPrivate) {
            return problem;
        }
        try {
            target(url, false, resolver);
            return null;
        } catch (NotDeliverable e) {
            return NOT_PUBLIC;
        }
    }

    /**
     * Resolves the URL's host and picks the address a delivery connects to. Every address the name
     * has must be public (unless {@code allowPrivate}): a name with one public and one private
     * address could otherwise reach either.
     */
    public static Target target(String url, boolean allowPrivate, Resolver resolver) throws NotDeliverable {
        if (problem(url) != null) {
            throw new NotDeliverable("invalid url");
        }
        URI uri = URI.create(url.trim());
        String host = uri.getHost().toLowerCase(Locale.ROOT); // names are case-insensitive; Host and SNI get it lower-case
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new NotDeliverable("unknown host");
        }
        if (addresses == null || addresses.length == 0) {
            throw new NotDeliverable("unknown host");
        }
        if (!allowPrivate) {
            for (InetAddress a : addresses) {
                PublicAddresses.Kind kind = PublicAddresses.kind(a);
                if (kind != PublicAddresses.Kind.PUBLIC) {
                    throw new NotDeliverable("address not public (" + kind + ")");
                }
            }
        }
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() >= 0 ? uri.getPort() : tls ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new Target(host, port, tls, uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery(), addresses[0]);
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
