package mx.gob.dif.console.cases;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateExtension;

import java.util.List;

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

    private CaseStates() {
    }

    static boolean known(String code) {
        return code != null && ALL.stream().anyMatch(s -> s.code().equals(code));
    }

    /** {@code caso:state('FOLLOW_UP')} → "En seguimiento"; a state this list does not know shows as the API sent it. */
    public static String state(String code) {
        return code == null ? "—" : ALL.stream().filter(s -> s.code().equals(code)).map(State::label).findFirst().orElse(code);
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
