package mx.gob.dif.cases.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A referral as its reader may see it: the whole record for the sending unit, {@link AgencyReferral}
 * for the receiving agency's system.
 */
@Schema(oneOf = {mx.gob.dif.cases.entity.Referral.class, AgencyReferral.class})
public interface ReferralView {
}
