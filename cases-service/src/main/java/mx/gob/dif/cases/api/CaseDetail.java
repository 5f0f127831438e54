package mx.gob.dif.cases.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import mx.gob.dif.cases.entity.ApprovalRequest;
import mx.gob.dif.cases.entity.Beneficiary;
import mx.gob.dif.cases.entity.CaseTransition;
import mx.gob.dif.cases.entity.Consent;
import mx.gob.dif.cases.entity.Enrollment;
import mx.gob.dif.cases.entity.FollowUpRequest;
import mx.gob.dif.cases.entity.Intervention;
import mx.gob.dif.cases.entity.Referral;
import mx.gob.dif.cases.entity.SupportCase;

import java.util.List;

/** A case with everything that happened to it, for the worker's screen. */
public record CaseDetail(@JsonProperty("case") SupportCase supportCase, String statusLabel, List<String> allowedTransitions,
                         Beneficiary beneficiary, List<CaseTransition> history, List<Enrollment> enrollments,
                         List<Referral> referrals, List<Intervention> interventions, List<Consent> consents,
                         List<FollowUpRequest> followUpRequests, List<ApprovalRequest> approvals) {
}
