package mx.gob.dif.events;

/** An org unit (INEGI code) was created or changed. {@code parent} is null for the nation. */
public record OrgUnitChanged(String code, String name, String level, String parent) {
}
