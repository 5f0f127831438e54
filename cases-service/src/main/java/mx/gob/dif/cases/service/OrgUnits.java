package mx.gob.dif.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;

/** Names of org units from the catalog read model, for letters and reports. */
@ApplicationScoped
public class OrgUnits {
    private final EntityManager em;

    public OrgUnits(EntityManager em) {
        this.em = em;
    }

    /** The unit's official name, or its code when the catalog has not arrived yet. */
    public String name(String code) {
        if (code == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("select name from org_unit where code = ?1").setParameter(1, code).getResultList();
        return names.isEmpty() ? code : names.get(0);
    }

    /** "Sistema DIF Municipal de Durango" / "Sistema DIF Estatal de Durango". */
    public String unitTitle(String code) {
        String name = name(code);
        if (code != null && code.length() == 2) {
            return "Sistema para el Desarrollo Integral de la Familia del Estado de " + name;
        }
        return "Sistema Municipal para el Desarrollo Integral de la Familia de " + name;
    }
}
