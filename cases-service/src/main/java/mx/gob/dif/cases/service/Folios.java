package mx.gob.dif.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Numbered folios per unit, year and kind (CASO-10005-2021-0007, SG-10005-2021-0001 for referral
 * letters, IS- for follow-up reports): gap-free inside the transaction that uses them.
 */
@ApplicationScoped
public class Folios {
    private final EntityManager em;

    public Folios(EntityManager em) {
        this.em = em;
    }

    public String next(String kind, String orgUnit, int year) {
        Number n = (Number) em.createNativeQuery("""
                        insert into folio_counter(org_unit, year, kind, last) values (?1, ?2, ?3, 1)
                        on conflict (org_unit, year, kind) do update set last = folio_counter.last + 1
                        returning last""")
                .setParameter(1, orgUnit).setParameter(2, year).setParameter(3, kind)
                .getSingleResult();
        return "%s-%s-%d-%04d".formatted(kind, orgUnit, year, n.intValue());
    }
}
