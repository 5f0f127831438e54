package mx.gob.dif.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.cases.documents.FollowUpReport;
import mx.gob.dif.cases.documents.FollowUpReportPdf;
import mx.gob.dif.cases.entity.Agency;
import mx.gob.dif.cases.entity.CaseTransition;
import mx.gob.dif.cases.entity.Enrollment;
import mx.gob.dif.cases.entity.FollowUpRequest;
import mx.gob.dif.cases.entity.Intervention;
import mx.gob.dif.cases.entity.Referral;
import mx.gob.dif.cases.entity.SupportCase;

import java.util.ArrayList;
import java.util.List;

/** Puts a case's records into the procedure's documents (the PDF layout lives in {@code documents}). */
@ApplicationScoped
public class CaseDocuments {
    private final OrgUnits orgUnits;

    public CaseDocuments(OrgUnits orgUnits) {
        this.orgUnits = orgUnits;
    }

    /** The Informe de Seguimiento: what happened to the case, in date order, for the office that asked. */
    public byte[] followUpReport(FollowUpRequest f, SupportCase c, String signer) {
        List<FollowUpReport.Entry> entries = new ArrayList<>();
        for (CaseTransition t : CaseTransition.<CaseTransition>list("caseId = ?1 order by id", c.id)) {
            entries.add(new FollowUpReport.Entry(t.at.toLocalDate(), "Estado: " + t.toStatus.label()
                    + (t.reason == null ? "" : ". Motivo: " + t.reason)));
        }
        for (Enrollment e : Enrollment.<Enrollment>list("caseId = ?1", c.id)) {
            entries.add(new FollowUpReport.Entry(e.enrolledOn, "Incorporado al programa " + e.programCode + " (" + e.fiscalYear + ")."));
        }
        for (Intervention i : Intervention.<Intervention>list("caseId = ?1", c.id)) {
            entries.add(new FollowUpReport.Entry(i.doneOn, i.type.label() + (i.outcome == null ? "" : ": " + i.outcome)));
        }
        for (Referral r : Referral.<Referral>list("caseId = ?1", c.id)) {
            Agency a = Agency.findById(r.agencyId);
            String name = a == null ? r.agencyId : a.name;
            entries.add(new FollowUpReport.Entry(r.createdAt.toLocalDate(), "Canalizado a " + name
                    + (r.letterFolio == null ? "" : " (Solicitud de Gestión " + r.letterFolio + ")") + ". Situación: " + r.status.label()
                    + (r.outcome == null ? "" : ". Resultado: " + r.outcome.label()) + (r.outcomeDetail == null ? "" : " — " + r.outcomeDetail)));
        }
        FollowUpReport report = new FollowUpReport(f.reportFolio, f.deliveredOn, orgUnits.name(c.orgUnit), orgUnits.unitTitle(c.orgUnit),
                f.office, f.petitionRef == null ? "Sin número" : f.petitionRef, f.dueOn, c.folio, c.category.label(),
                c.status.label(), entries, signer, "Dirección del " + orgUnits.unitTitle(c.orgUnit));
        return new FollowUpReportPdf().render(report);
    }
}
