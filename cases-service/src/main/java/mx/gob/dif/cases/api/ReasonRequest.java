package mx.gob.dif.cases.api;

import jakarta.validation.constraints.Size;

/** A step that only needs its reason: revoking a consent or a referral, asking to close a case. */
public record ReasonRequest(
        @Size(max = Limits.LONG_TEXT, message = "El motivo admite a lo más " + Limits.LONG_TEXT + " caracteres.") String reason) {
}
