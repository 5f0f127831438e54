package mx.gob.dif.programs.activity;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.events.ActivityReported;
import mx.gob.dif.events.ActivityRetracted;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.Topics;
import mx.gob.dif.programs.catalog.CatalogLookup;
import mx.gob.dif.programs.messaging.KafkaProducers;
import mx.gob.dif.programs.messaging.Outbox;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Accepting activity reports: all-or-nothing validation, then every report durable on Kafka
 * (acks=all) before the caller hears 202. Kafka is the system of record for indicators.
 */
@ApplicationScoped
public class ActivityService {
    public static final int MAX_BATCH = 10_000;
    private static final Logger LOG = Logger.getLogger(ActivityService.class);
    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    private final CatalogLookup catalog;
    private final KafkaProducers kafka;
    private final AgroalDataSource ds;

    public ActivityService(CatalogLookup catalog, KafkaProducers kafka, AgroalDataSource ds) {
        this.catalog = catalog;
        this.kafka = kafka;
        this.ds = ds;
    }

    public record Accepted(int accepted, int alreadyKnown, List<UUID> ids) {
    }

    public Accepted accept(JsonNode body, String user) {
        List<JsonNode> items = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(items::add);
        } else if (body.isObject()) {
            items.add(body);
        } else {
            throw ProblemException.badRequest("Envíe un reporte (objeto JSON) o una lista de reportes.");
        }
        if (items.isEmpty()) {
            throw ProblemException.unprocessable("La lista de reportes está vacía.", List.of());
        }
        if (items.size() > MAX_BATCH) {
            throw new ProblemException(413, "Lote demasiado grande", "Se recibieron " + items.size()
                    + " reportes; el máximo por solicitud es " + MAX_BATCH + ". Divida el envío en varios lotes.");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        List<ReportValidator.Valid> valid = new ReportValidator(catalog, LocalDate.now(MEXICO)).validate(items, errors);
        Map<UUID, ReportValidator.Valid> known = known(valid);
        for (int i = 0; i < valid.size(); i++) {
            ReportValidator.Valid v = valid.get(i);
            ReportValidator.Valid k = known.get(v.id());
            if (k != null && !sameReport(k, v)) {
                errors.add(Problem.FieldError.of(indexOf(items, v), "id", "El id " + v.id()
                        + " ya se usó para un reporte distinto; use un id nuevo para un reporte nuevo."));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors.size() + " reporte(s) inválido(s); no se registró ningún reporte de esta solicitud.", errors);
        }
        List<ReportValidator.Valid> fresh = valid.stream().filter(v -> !known.containsKey(v.id())).toList();
        publish(fresh);
        record(fresh, user);
        return new Accepted(fresh.size(), valid.size() - fresh.size(), valid.stream().map(ReportValidator.Valid::id).toList());
    }

    /** Publishes every report and waits for every broker acknowledgement. */
    private void publish(List<ReportValidator.Valid> reports) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(reports.size());
        for (ReportValidator.Valid v : reports) {
            ActivityReported data = new ActivityReported(v.id().toString(), v.indicator(), v.orgUnit(), v.planOrgUnit(),
                    v.fiscalYear(), v.date(), v.quantity());
            acks.add(kafka.producer().send(new ProducerRecord<>(Topics.ACTIVITIES, data.key(),
                    json(CloudEvent.of(v.id().toString(), Outbox.SOURCE, EventTypes.ACTIVITY_REPORTED, data.key(),
                            EventJson.MAPPER.valueToTree(data))))));
        }
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.errorf("Kafka did not acknowledge a batch of %d reports: %s", reports.size(), e.toString());
            throw new ProblemException(503, "No se pudo registrar", "El registro de reportes no está disponible en este momento. "
                    + "Reintente con los mismos ids: un reporte reenviado con su id no se cuenta dos veces.");
        }
    }

    private void record(List<ReportValidator.Valid> reports, String user) {
        if (reports.isEmpty()) {
            return;
        }
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     insert into activity(id, indicator, org_unit, plan_org_unit, fiscal_year, activity_date, quantity, note, received_by)
                     values (?,?,?,?,?,?,?,?,?) on conflict (id) do nothing""")) {
            for (ReportValidator.Valid v : reports) {
                ps.setObject(1, v.id());
                ps.setString(2, v.indicator());
                ps.setString(3, v.orgUnit());
                ps.setString(4, v.planOrgUnit());
                ps.setInt(5, v.fiscalYear());
                ps.setObject(6, v.date());
                ps.setBigDecimal(7, v.quantity());
                ps.setString(8, v.note());
                ps.setString(9, user);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            // the reports are durable on Kafka (the system of record); only this service's ledger is behind
            LOG.errorf("Ledger insert failed for %d accepted reports: %s", reports.size(), e.getMessage());
        }
    }

    public Map<String, Object> retract(UUID id, String reason, String user) {
        Map<String, Object> a = get(id);
        if ("RETRACTED".equals(a.get("status"))) {
            return a;
        }
        ActivityRetracted data = new ActivityRetracted(id.toString(), (String) a.get("indicator"), (String) a.get("orgUnit"), reason);
        String eventId = UUID.nameUUIDFromBytes(("retraction:" + id).getBytes(StandardCharsets.UTF_8)).toString();
        try {
            kafka.producer().send(new ProducerRecord<>(Topics.ACTIVITIES, data.key(), json(CloudEvent.of(eventId, Outbox.SOURCE,
                    EventTypes.ACTIVITY_RETRACTED, data.key(), EventJson.MAPPER.valueToTree(data))))).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new ProblemException(503, "No se pudo retirar", "El registro no está disponible; reintente en unos segundos.");
        }
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("update activity set status = 'RETRACTED', retracted_at = now(), retract_reason = ? where id = ?")) {
            ps.setString(1, reason);
            ps.setObject(2, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        LOG.infof("Activity %s retracted by %s", id, user);
        return get(id);
    }

    public Map<String, Object> get(UUID id) {
        List<Map<String, Object>> rows = query("where id = ?", List.of(id), 1, 0);
        if (rows.isEmpty()) {
            throw ProblemException.notFound("No existe un reporte con id " + id + ".");
        }
        return rows.get(0);
    }

    public Page<Map<String, Object>> list(String orgUnit, String indicator, LocalDate from, LocalDate to, String status, int page, int size) {
        Page.check(page, size);
        StringBuilder where = new StringBuilder("where true");
        List<Object> args = new ArrayList<>();
        if (orgUnit != null) {
            where.append(" and org_unit = ?");
            args.add(orgUnit);
        }
        if (indicator != null) {
            where.append(" and indicator = ?");
            args.add(indicator);
        }
        if (from != null) {
            where.append(" and activity_date >= ?");
            args.add(from);
        }
        if (to != null) {
            where.append(" and activity_date <= ?");
            args.add(to);
        }
        if (status != null) {
            where.append(" and status = ?");
            args.add(status.toUpperCase());
        }
        long total;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("select count(*) from activity " + where)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            ResultSet rs = ps.executeQuery();
            rs.next();
            total = rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Page<>(query(where.toString(), args, size, page * size), page, size, total);
    }

    private List<Map<String, Object>> query(String where, List<Object> args, int limit, int offset) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select id, indicator, org_unit, plan_org_unit, fiscal_year, activity_date, quantity, note, status,
                       received_at, retracted_at, retract_reason from activity\s""" + where
                     + " order by activity_date, received_at limit ? offset ?")) {
            int i = 1;
            for (Object a : args) {
                ps.setObject(i++, a);
            }
            ps.setInt(i++, limit);
            ps.setInt(i, offset);
            ResultSet rs = ps.executeQuery();
            List<Map<String, Object>> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", rs.getObject(1, UUID.class));
                m.put("indicator", rs.getString(2));
                m.put("orgUnit", rs.getString(3));
                m.put("planOrgUnit", rs.getString(4));
                m.put("fiscalYear", rs.getInt(5));
                m.put("date", rs.getObject(6, LocalDate.class).toString());
                m.put("quantity", rs.getBigDecimal(7).stripTrailingZeros());
                m.put("note", rs.getString(8));
                m.put("status", rs.getString(9));
                m.put("receivedAt", rs.getObject(10, java.time.OffsetDateTime.class).toString());
                java.time.OffsetDateTime retracted = rs.getObject(11, java.time.OffsetDateTime.class);
                m.put("retractedAt", retracted == null ? null : retracted.toString());
                m.put("retractionReason", rs.getString(12));
                out.add(m);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<UUID, ReportValidator.Valid> known(List<ReportValidator.Valid> valid) {
        List<UUID> ids = valid.stream().filter(ReportValidator.Valid::clientId).map(ReportValidator.Valid::id).toList();
        Map<UUID, ReportValidator.Valid> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select id, indicator, org_unit, plan_org_unit, fiscal_year, activity_date, quantity from activity where id = any(?)""")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            ResultSet rs = ps.executeQuery();
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                out.put(id, new ReportValidator.Valid(id, true, rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getObject(6, LocalDate.class), rs.getBigDecimal(7), null));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static boolean sameReport(ReportValidator.Valid a, ReportValidator.Valid b) {
        return a.indicator().equals(b.indicator()) && a.orgUnit().equals(b.orgUnit()) && a.date().equals(b.date())
                && a.quantity().compareTo(b.quantity()) == 0;
    }

    private static int indexOf(List<JsonNode> items, ReportValidator.Valid v) {
        for (int i = 0; i < items.size(); i++) {
            JsonNode id = items.get(i).get("id");
            if (id != null && v.id().toString().equalsIgnoreCase(id.asText())) {
                return i;
            }
        }
        return -1;
    }

    private static String json(Object o) {
        try {
            return EventJson.MAPPER.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
