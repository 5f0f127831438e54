package mx.gob.dif.cases.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import java.util.List;

/** One agency of the directory with its services (Open Referral HSDS shape). */
public record AgencyRequest(
        @Size(max = Limits.AGENCY_ID, message = "La clave de la dependencia admite a lo más " + Limits.AGENCY_ID + " caracteres.") String id,
        @Size(max = Limits.NAME, message = "El nombre de la dependencia admite a lo más " + Limits.NAME + " caracteres.") String name,
        @Size(max = Limits.CODE, message = "El tipo es PUBLIC o PRIVATE.") String kind,
        @Size(max = Limits.LONG_TEXT, message = "La descripción admite a lo más " + Limits.LONG_TEXT + " caracteres.") String description,
        @Size(max = Limits.SHORT_TEXT, message = "El teléfono admite a lo más " + Limits.SHORT_TEXT + " caracteres.") String phone,
        @Size(max = Limits.SHORT_TEXT, message = "El correo admite a lo más " + Limits.SHORT_TEXT + " caracteres.") String email,
        @Size(max = Limits.SHORT_TEXT, message = "La dirección admite a lo más " + Limits.SHORT_TEXT + " caracteres.") String address,
        Boolean onPlatform,
        @Size(max = Limits.CODE, message = "La fecha de última verificación se escribe AAAA-MM-DD.") String lastVerified,
        @Size(max = Limits.LIST, message = "Una dependencia tiene a lo más " + Limits.LIST + " servicios.")
        List<@Valid AgencyServiceRequest> services) {

    /** The same agency under the key of the path (PUT names it there). */
    public AgencyRequest withId(String key) {
        return new AgencyRequest(key, name, kind, description, phone, email, address, onPlatform, lastVerified, services);
    }
}
