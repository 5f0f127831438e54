package mx.gob.dif.cases.domain;

/** What the psychosocial pair did on a case (seed 004, school-absenteeism rescue). */
public enum InterventionType {
    HOME_VISIT("Visita domiciliaria"),
    GUARDIAN_MEETING("Entrevista con el tutor"),
    PSYCHOLOGICAL_SESSION("Sesión psicológica"),
    WORKSHOP("Taller"),
    NETWORK_ACTIVATION("Activación de redes de apoyo"),
    OTHER("Otra");

    private final String label;

    InterventionType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
