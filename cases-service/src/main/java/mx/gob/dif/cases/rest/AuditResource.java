package mx.gob.dif.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import mx.gob.dif.cases.entity.AuditEntry;
import mx.gob.dif.cases.service.AuditTrail;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.security.Roles;

/**
 * For a unit's director: who read or changed which person's or case's data in the unit (and the
 * units below it), refused attempts included.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.DIRECTOR)
public class AuditResource {
    private final AuditTrail audit;

    public AuditResource(AuditTrail audit) {
        this.audit = audit;
    }

    @GET
    public Page<AuditEntry> list(@QueryParam("orgUnit") String orgUnit, @QueryParam("resourceType") String resourceType,
                                 @QueryParam("resourceId") String resourceId, @QueryParam("actor") String actor,
                                 @QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return audit.list(orgUnit, resourceType, resourceId, actor, from, to, page, size);
    }
}
