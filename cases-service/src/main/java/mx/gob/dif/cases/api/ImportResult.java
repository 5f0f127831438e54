package mx.gob.dif.cases.api;

/** How many agencies an import stored. */
public record ImportResult(int imported) {
}
