package mx.gob.dif.cases.documents;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Data of one "Solicitud de Gestión" (numbered referral letter to an external agency).
 *
 * <p>Data minimization: every personal field ({@code addresseeContact}, {@code beneficiaryName},
 * {@code beneficiaryCurp}, {@code beneficiaryAge}, {@code guardianName}, {@code municipality},
 * {@code locality}) may be {@code null}; the caller passes only what the receiving agency needs and
 * the letter leaves the rest out. Blank texts count as absent.
 *
 * @param issuePlace place written before the date, e.g. "Durango, Dgo."; the 16-argument constructor
 *                   takes it from {@code municipality}
 */
public record ReferralLetter(
        String folio,
        LocalDate date,
        String issuingUnitName,
        String addresseeOrganization,
        String addresseeService,
        String addresseeContact,
        String request,
        String beneficiaryName,
        String beneficiaryCurp,
        Integer beneficiaryAge,
        String guardianName,
        String municipality,
        String locality,
        List<String> requiredDocuments,
        String signerName,
        String signerRole,
        String issuePlace) {

    public ReferralLetter {
        folio = SpanishText.required(folio, "folio");
        Objects.requireNonNull(date, "date");
        issuingUnitName = SpanishText.required(issuingUnitName, "issuingUnitName");
        addresseeOrganization = SpanishText.required(addresseeOrganization, "addresseeOrganization");
        request = SpanishText.required(request, "request");
        signerName = SpanishText.required(signerName, "signerName");
        addresseeService = SpanishText.clean(addresseeService);
        addresseeContact = SpanishText.clean(addresseeContact);
        beneficiaryName = SpanishText.clean(beneficiaryName);
        beneficiaryCurp = SpanishText.clean(beneficiaryCurp);
        guardianName = SpanishText.clean(guardianName);
        municipality = SpanishText.clean(municipality);
        locality = SpanishText.clean(locality);
        signerRole = SpanishText.clean(signerRole);
        issuePlace = SpanishText.clean(issuePlace);
        if (beneficiaryAge != null && (beneficiaryAge < 0 || beneficiaryAge > 130)) {
            throw new IllegalArgumentException("beneficiaryAge out of range: " + beneficiaryAge);
        }
        requiredDocuments = requiredDocuments == null ? List.of()
                : requiredDocuments.stream().map(SpanishText::clean).filter(Objects::nonNull).toList();
    }

    /** The fields named in the brief; the place before the date is the municipality. */
    public ReferralLetter(String folio, LocalDate date, String issuingUnitName, String addresseeOrganization,
            String addresseeService, String addresseeContact, String request, String beneficiaryName,
            String beneficiaryCurp, Integer beneficiaryAge, String guardianName, String municipality,
            String locality, List<String> requiredDocuments, String signerName, String signerRole) {
        this(folio, date, issuingUnitName, addresseeOrganization, addresseeService, addresseeContact, request,
                beneficiaryName, beneficiaryCurp, beneficiaryAge, guardianName, municipality, locality,
                requiredDocuments, signerName, signerRole, municipality);
    }
}
