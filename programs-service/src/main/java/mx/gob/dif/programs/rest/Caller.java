package mx.gob.dif.programs.rest;

import jakarta.ws.rs.core.HttpHeaders;

/** Who is calling, for histories. Until token validation lands (issue 6) it is a plain header. */
public final class Caller {
    private Caller() {
    }

    public static String of(HttpHeaders headers) {
        String user = headers.getHeaderString("X-Dif-User");
        return user == null || user.isBlank() ? "sistema" : user.trim();
    }
}
