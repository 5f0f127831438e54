package mx.gob.dif.cases.documents;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Data of one "Informe de Seguimiento" (PDG-02, activity 9): the answer to an office's petition
 * (oficio de petición) about how a case was attended. It names the case only by its folio.
 *
 * @param folio             folio of this report
 * @param date              date the report is issued
 * @param place             place written before the date, e.g. "Durango, Dgo."; may be {@code null}
 * @param issuingUnitName   unit that answers, e.g. "Sistema para el Desarrollo Integral de la Familia del Municipio de Durango"
 * @param requestingOffice  office that asked, e.g. "Despacho del C. Gobernador"
 * @param petitionReference number/reference of the oficio de petición
 * @param dueDate           date by which the answer is due (10–20 days after the petition)
 * @param caseFolio         folio of the case
 * @param caseCategory      Spanish label of the case category
 * @param currentStatus     Spanish label of the case's current status
 * @param entries           status changes, interventions and referral outcomes; kept in date order
 *                          (entries of the same day keep the order given)
 * @param signerName        person who signs
 * @param signerRole        role of the signer; may be {@code null}
 */
public record FollowUpReport(
        String folio,
        LocalDate date,
        String place,
        String issuingUnitName,
        String requestingOffice,
        String petitionReference,
        LocalDate dueDate,
        String caseFolio,
        String caseCategory,
        String currentStatus,
        List<Entry> entries,
        String signerName,
        String signerRole) {

    /** One dated line of the case's history. */
    public record Entry(LocalDate date, String text) {
        public Entry {
            Objects.requireNonNull(date, "date");
            text = SpanishText.required(text, "text");
        }
    }

    public FollowUpReport {
        folio = SpanishText.required(folio, "folio");
        Objects.requireNonNull(date, "date");
        place = SpanishText.clean(place);
        issuingUnitName = SpanishText.required(issuingUnitName, "issuingUnitName");
        requestingOffice = SpanishText.required(requestingOffice, "requestingOffice");
        petitionReference = SpanishText.required(petitionReference, "petitionReference");
        Objects.requireNonNull(dueDate, "dueDate");
        caseFolio = SpanishText.required(caseFolio, "caseFolio");
        caseCategory = SpanishText.required(caseCategory, "caseCategory");
        currentStatus = SpanishText.required(currentStatus, "currentStatus");
        entries = entries == null ? List.of()
                : entries.stream().map(e -> Objects.requireNonNull(e, "entry"))
                        .sorted(Comparator.comparing(Entry::date)).toList();
        signerName = SpanishText.required(signerName, "signerName");
        signerRole = SpanishText.clean(signerRole);
    }

    /** Whether the report is issued on or before its due date (the procedure's timeliness indicator). */
    public boolean onTime() {
        return !date.isAfter(dueDate);
    }
}
