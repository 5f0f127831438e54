package mx.gob.dif.console.api;

import java.util.List;

/** A program of a unit's plan as {@code GET /api/v1/programs?orgUnit=&fiscalYear=} lists it (the fields the console shows). */
public record ProgramItem(String code, String name, List<String> calendarMonths) {
}
