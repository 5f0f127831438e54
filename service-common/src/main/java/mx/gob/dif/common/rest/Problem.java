package mx.gob.dif.common.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/**
 * RFC 9457 problem details. {@code title} and {@code detail} are Spanish, for the person who has to
 * fix the request; {@code errors} lists each rejected item of a batch with its index.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A problem about a whole request (no per-item errors), as answered before JAX-RS (Vert.x routes, the gateway). */
    public static Problem of(int status, String title, String detail, String instance, String requestId) {
        return new Problem("about:blank", title, status, detail, instance, requestId, List.of());
    }

    /** This problem as the JSON text of an answer, for the places that write the body themselves. */
    public String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record always serializes", e);
        }
    }

    /** One rejected item or field. {@code index} is the item's position in a batch (null for a single body). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(Integer index, String field, String message, Integer row, String column) {
        public static FieldError of(Integer index, String field, String message) {
            return new FieldError(index, field, message, null, null);
        }

        public static FieldError atCell(int row, String column, String message) {
            return new FieldError(null, column, message, row, column);
        }
    }
}
