package mx.gob.dif.common.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Every JSON body of every service is refused (400) before it is read when a text in it holds a control
 * character or a bidirectional override ({@link ControlCharacters}): checked once here, at the edge,
 * instead of in each field's validation (a NUL reaching PostgreSQL answered 500, and one that reached a
 * Kafka event blocked its consumers).
 */
@Provider
public class JsonTextGuard implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        String problem = ControlCharacters.firstIn(body);
        if (problem != null) {
            throw ProblemException.badRequest(problem);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
