package mx.gob.dif.cases.api;

import java.util.UUID;

/** Two active beneficiaries of a unit that look like the same person. */
public record DuplicatePair(UUID beneficiaryId, UUID duplicateId, String reason) {
    /** The only reason found today: same name key and birth date. */
    public static final String SAME_NAME_AND_BIRTH_DATE = "SAME_NAME_AND_BIRTH_DATE";
}
