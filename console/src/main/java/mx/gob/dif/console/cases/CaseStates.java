package mx.gob.dif.console.cases;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateExtension;
import mx.gob.dif.console.config.Clocks;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** A case's states as cases-service names them (domain/CaseStatus), with the words the pages show. */
@TemplateExtension(namespace = "caso")
public final class CaseStates {

    @TemplateData
    public record State(String code, String label) {
    }

    static final List<State> ALL = List.of(new State("RECEIVED", "Recibido"), new State("UNDER_REVIEW", "En revisión"),
            new State("REJECTED", "Rechazado"), new State("ENROLLED", "Incorporado a programa DIF"),
            new State("REFERRED", "Canalizado"), new State("FOLLOW_UP", "En seguimiento"), new State("RESOLVED", "Resuelto"),
            new State("CLOSED", "Cerrado"));

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d/MM/yyyy HH:mm");
    private static final Map<String, String> CATEGORIES = Map.of("FOOD", "Alimentación", "HEALTH", "Salud", "EDUCATION", "Educación",
            "DISABILITY", "Discapacidad", "VIOLENCE", "Violencia", "LEGAL", "Asesoría jurídica", "HOUSING", "Vivienda",
            "ECONOMIC", "Apoyo económico", "OTHER", "Otra");
    private static final Map<String, String> REFERRALS = Map.of("AWAITING_APPROVAL", "En espera de aprobación",
            "REQUESTED", "Solicitada", "RECEIVED", "Recibida", "ACCEPTED", "Aceptada", "REJECTED", "Rechazada",
            "IN_PROGRESS", "En proceso", "COMPLETED", "Concluida", "REVOKED", "Revocada", "CANCELLED", "Cancelada");

    private CaseStates() {
    }

    static boolean known(String code) {
        return code != null && ALL.stream().anyMatch(s -> s.code().equals(code));
    }

    /** {@code caso:state('FOLLOW_UP')} → "En seguimiento"; a state this list does not know shows as the API sent it. */
    public static String state(String code) {
        return code == null ? "—" : ALL.stream().filter(s -> s.code().equals(code)).map(State::label).findFirst().orElse(code);
    }

    /** A moment of a case's history as read in Mexico (the API answers in UTC). */
    public static String time(OffsetDateTime at) {
        return at == null ? "—" : at.atZoneSameInstant(Clocks.MEXICO_CITY).format(TIME);
    }

    /** Case categories (cases-service's CaseCategory) in words. */
    public static String category(String code) {
        return code == null ? "—" : CATEGORIES.getOrDefault(code, code);
    }

    /** Referral states (cases-service's ReferralStatus) in words. */
    public static String referral(String code) {
        return code == null ? "—" : REFERRALS.getOrDefault(code, code);
    }

    /** Approval kinds and states in words. */
    public static String approval(String code) {
        if (code == null) {
            return "—";
        }
        return switch (code) {
            case "CASE_CLOSURE" -> "Cierre del caso";
            case "CONSENT_OVERRIDE" -> "Canalización sin consentimiento";
            case "REQUESTED" -> "Pendiente";
            case "APPROVED" -> "Aprobada";
            case "REJECTED" -> "Rechazada";
            default -> code;
        };
    }
}
