package mx.gob.dif.cases.rest;

import java.util.List;
import java.util.Map;

/** Request bodies of the cases API. Fields are strings where a person may type a bad value, so it can be reported in Spanish. */
public final class Dtos {
    private Dtos() {
    }

    public record BeneficiaryInput(String orgUnit, String curp, String firstName, String lastName, String secondLastName,
                                   String birthDate, String sex, String locality, String municipality, String address,
                                   String phone, String guardianId, String household, Map<String, String> sensitive,
                                   Boolean confirmNotDuplicate) {
    }

    public record MergeInput(String duplicateId, String reason) {
    }

    public record CaseInput(String orgUnit, String beneficiaryId, String origin, String category, String priority,
                            String request, String priorInvestigation, String receivedOn, String assignedWorker) {
    }

    public record TransitionInput(String to, String reason) {
    }

    public record EnrollmentInput(String programCode, Integer fiscalYear, String enrolledOn) {
    }

    public record InterventionInput(String type, String date, String doneBy, String outcome) {
    }

    public record ConsentInput(String purpose, String agencyId, String givenBy, String guardianId, String givenOn) {
    }

    public record RevocationInput(String reason) {
    }

    public record ReferralInput(String agencyId, String serviceId, String request, String consentId,
                                String consentOverrideReason, Boolean shareCurp, Boolean shareAddress) {
    }

    public record ReferralStatusInput(String status, String reason, String outcome, String outcomeDetail) {
    }

    public record ClosureInput(String reason) {
    }

    public record DecisionInput(String decision, String comment) {
    }

    public record FollowUpInput(String office, String petitionRef, String requestedOn, Integer dueInDays, String assignedTo) {
    }

    public record DeliveryInput(String deliveredOn) {
    }

    public record MonthlyDeliveryInput(String orgUnit, String month, String deliveredOn) {
    }

    public record AgencyInput(String id, String name, String kind, String description, String phone, String email,
                              String address, Boolean onPlatform, String lastVerified, List<ServiceInput> services) {
    }

    public record ServiceInput(String name, String description, String eligibility, Integer minAge, Integer maxAge,
                               String fees, List<String> requiredDocuments, List<String> serviceArea) {
    }
}
