package mx.gob.dif.cases.domain;

/** What the request for support is about. */
public enum CaseCategory {
    FOOD("Alimentación"),
    HEALTH("Salud"),
    EDUCATION("Educación / ausentismo escolar"),
    DISABILITY("Discapacidad"),
    VIOLENCE("Violencia"),
    LEGAL("Asesoría jurídica"),
    HOUSING("Vivienda"),
    ECONOMIC("Apoyo económico"),
    OTHER("Otro");

    private final String label;

    CaseCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
