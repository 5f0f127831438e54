package mx.gob.dif.cases.api;

import jakarta.validation.constraints.Size;

/** Merges the duplicate named here into the beneficiary of the path. */
public record MergeRequest(
        @Size(max = Limits.CODE, message = "'duplicateId' es un UUID.") String duplicateId,
        @Size(max = Limits.LONG_TEXT, message = "El motivo admite a lo más " + Limits.LONG_TEXT + " caracteres.") String reason) {
}
