package mx.gob.dif.cases.domain;

/** Where a request for support came from (seed 002: the directorates; seed 004: the school rescue strategy). */
public enum CaseOrigin {
    DIRECTORATE("Dirección del DIF"),
    SCHOOL_RESCUE("Estrategia de rescate escolar"),
    WALK_IN("Atención directa"),
    OFFICE_PETITION("Oficio de petición");

    private final String label;

    CaseOrigin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
