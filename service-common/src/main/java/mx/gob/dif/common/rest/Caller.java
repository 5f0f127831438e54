package mx.gob.dif.common.rest;

import jakarta.ws.rs.core.HttpHeaders;

/**
 * Who is calling, for histories and audit trails. Until token validation lands (issue 6) it is the
 * {@code X-Dif-User} header the gateway passes on; then it becomes the token's subject.
 */
public final class Caller {
    public static final String HEADER = "X-Dif-User";

    private Caller() {
    }

    public static String of(HttpHeaders headers) {
        String user = headers == null ? null : headers.getHeaderString(HEADER);
        return user == null || user.isBlank() ? "sistema" : user.trim();
    }
}
