package mx.gob.dif.cases.documents.agency;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import mx.gob.dif.cases.documents.SpanishText;

/**
 * A service an agency offers (modeled on the Open Referral HSDS "service" with its eligibility,
 * fees, required documents and service area).
 *
 * @param name              name of the service; required
 * @param description       what it is; may be {@code null}
 * @param eligibility       who may receive it; may be {@code null}
 * @param minAge            minimum age in years, or {@code null} for no minimum
 * @param maxAge            maximum age in years, or {@code null} for no maximum
 * @param cost              fees as free text ("Gratuito", "Cuota de recuperación de $50"); may be {@code null}
 * @param requiredDocuments documents the person must bring; never {@code null}
 * @param serviceArea       5-digit INEGI municipality codes served; empty means no restriction
 * @param contact           phone, email and address; never {@code null} ({@link Contact#NONE} when unknown)
 * @param lastVerified      date the entry was last checked; may be {@code null}
 */
public record Service(
        String name,
        String description,
        String eligibility,
        Integer minAge,
        Integer maxAge,
        String cost,
        List<String> requiredDocuments,
        List<String> serviceArea,
        Contact contact,
        LocalDate lastVerified) {

    /** Youngest and oldest age a directory entry may state. */
    public static final int MAX_AGE = 120;

    public Service {
        name = SpanishText.clean(name);
        if (name == null) {
            throw new IllegalArgumentException("service name is required");
        }
        description = SpanishText.clean(description);
        eligibility = SpanishText.clean(eligibility);
        cost = SpanishText.clean(cost);
        checkAge(minAge, "minAge");
        checkAge(maxAge, "maxAge");
        if (minAge != null && maxAge != null && minAge > maxAge) {
            throw new IllegalArgumentException("minAge " + minAge + " > maxAge " + maxAge);
        }
        requiredDocuments = cleanList(requiredDocuments);
        serviceArea = cleanList(serviceArea);
        for (String code : serviceArea) {
            if (!code.matches("\\d{5}")) {
                throw new IllegalArgumentException("not a 5-digit INEGI municipality code: " + code);
            }
        }
        contact = contact == null ? Contact.NONE : contact;
    }

    private static void checkAge(Integer age, String name) {
        if (age != null && (age < 0 || age > MAX_AGE)) {
            throw new IllegalArgumentException(name + " out of range 0.." + MAX_AGE + ": " + age);
        }
    }

    private static List<String> cleanList(List<String> values) {
        return values == null ? List.of()
                : values.stream().map(SpanishText::clean).filter(Objects::nonNull).toList();
    }
}
