package mx.gob.dif.cases.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One step of a referral's history: the whole transition for the unit, {@link AgencyReferral.Step} for the agency. */
@Schema(oneOf = {mx.gob.dif.cases.entity.ReferralTransition.class, AgencyReferral.Step.class})
public interface ReferralStep {
}
