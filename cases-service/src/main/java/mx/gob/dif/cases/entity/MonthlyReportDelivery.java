package mx.gob.dif.cases.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** That a unit's monthly report of a month was delivered to the Governor's office, when and by whom. */
@Entity
@Table(name = "monthly_report_delivery")
@IdClass(MonthlyReportDelivery.Key.class)
public class MonthlyReportDelivery extends PanacheEntityBase {
    @Id
    @Column(name = "org_unit")
    public String orgUnit;
    /** AAAA-MM. */
    @Id
    public String month;
    @Column(name = "delivered_on")
    public LocalDate deliveredOn;
    @Column(name = "on_time")
    public boolean onTime;
    public String actor;

    /** The unit and the month: one delivery each. */
    public static class Key implements Serializable {
        public String orgUnit;
        public String month;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(orgUnit, k.orgUnit) && Objects.equals(month, k.month);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orgUnit, month);
        }
    }
}
