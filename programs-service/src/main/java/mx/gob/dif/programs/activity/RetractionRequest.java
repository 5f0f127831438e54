package mx.gob.dif.programs.activity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of a retraction. The reason stays in this service's ledger; it never goes to Kafka. */
public record RetractionRequest(@Schema(maxLength = ReportValidator.MAX_NOTE) String reason) {
}
