package mx.gob.dif.cases.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import mx.gob.dif.cases.entity.Agency;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.common.security.CurrentUser;
import mx.gob.dif.common.security.Identity;
import mx.gob.dif.common.security.Roles;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Subscriptions and their delivery log. An integrator sees and changes only its agency's
 * subscriptions (another agency's answer 403); an administrator, every one.
 */
@ApplicationScoped
public class WebhookService {
    static final Pattern ORG_UNIT = Pattern.compile("^(MX|\\d{2}|\\d{5})$");
    static final Pattern INDICATOR = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$");
    static final int MAX_FILTER_ENTRIES = 100;

    private final DeliveryQueue queue;
    private final WebhooksConfig config;
    private final CurrentUser caller;
    private final WebhookSecrets secrets;
    private final HostResolver resolver;

    public WebhookService(DeliveryQueue queue, WebhooksConfig config, CurrentUser caller, WebhookSecrets secrets,
                          HostResolver resolver) {
        this.queue = queue;
        this.config = config;
        this.caller = caller;
        this.secrets = secrets;
        this.resolver = resolver;
    }

    @Transactional
    public WebhookDtos.SubscriptionView create(WebhookDtos.SubscriptionInput in) {
        Identity who = caller.get();
        if (in == null) {
            throw ProblemException.unprocessable("Envíe la suscripción: {url, events, orgUnits?, indicators?}.",
                    List.of(Problem.FieldError.of(null, "url", "Falta la URL.")));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String agency = owner(who, in.agency(), errors);
        String urlProblem = WebhookUrls.problem(in.url(), config.allowPrivateAddresses(), resolver);
        if (urlProblem != null) {
            errors.add(Problem.FieldError.of(null, "url", urlProblem));
        }
        List<String> events = events(in.events(), errors);
        List<String> orgUnits = filter("orgUnits", in.orgUnits(), ORG_UNIT,
                "no es una clave INEGI: use MX, 2 dígitos para un estado (p. ej. 10) o 5 para un municipio (p. ej. 10005).", errors);
        List<String> indicators = filter("indicators", in.indicators(), INDICATOR,
                "no es una clave de indicador (letras, dígitos, punto, guion; hasta 40 caracteres).", errors);
        if (!events.contains(WebhookEvents.INDICATOR_UPDATED)) {
            if (!orgUnits.isEmpty() && !events.contains(WebhookEvents.REPORTING_OVERDUE)) {
                errors.add(Problem.FieldError.of(null, "orgUnits",
                        "Este filtro solo aplica a los eventos indicator.updated y reporting.overdue: agregue uno a 'events' o quite el filtro."));
            }
            if (!indicators.isEmpty()) {
                errors.add(Problem.FieldError.of(null, "indicators",
                        "Este filtro solo aplica al evento indicator.updated: agréguelo a 'events' o quite el filtro."));
            }
        }
        if (who.hasAny(Roles.ADMINISTRATOR) && agency != null && Agency.findById(agency) == null) {
            errors.add(Problem.FieldError.of(null, "agency", "La dependencia " + agency + " no está en el directorio."));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("La suscripción tiene errores: "
                    + errors.stream().map(Problem.FieldError::message).collect(Collectors.joining(" ")), errors);
        }
        long existing = WebhookSubscription.count("agencyId", agency);
        if (existing >= config.maxSubscriptionsPerAgency()) {
            throw ProblemException.conflict("La dependencia " + agency + " ya tiene " + existing + " suscripciones (máximo "
                    + config.maxSubscriptionsPerAgency() + "). Elimine alguna antes de crear otra.");
        }
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.agencyId = agency;
        s.url = in.url().trim();
        WebhookSecrets.Issued secret = secrets.issue(s.id);
        s.secretSealed = secret.sealed();
        s.events = new ArrayList<>(events);
        s.orgUnits = new ArrayList<>(orgUnits);
        s.indicators = new ArrayList<>(indicators);
        s.createdAt = OffsetDateTime.now();
        s.createdBy = who.name();
        s.persist();
        return WebhookDtos.SubscriptionView.of(s, secret.secret());
    }

    /** The agency a new subscription belongs to: the integrator's own, or the one an administrator names. */
    private static String owner(Identity who, String requested, List<Problem.FieldError> errors) {
        String asked = requested == null || requested.isBlank() ? null : requested.trim();
        if (who.hasAny(Roles.ADMINISTRATOR)) {
            if (asked == null) {
                errors.add(Problem.FieldError.of(null, "agency", "Indique la dependencia dueña de la suscripción (campo 'agency')."));
            }
            return asked;
        }
        String own = ownAgency(who);
        if (asked != null && !asked.equals(own)) {
            throw ProblemException.forbidden("Solo puede suscribir webhooks para su propia dependencia (" + own + "), no para " + asked + ".");
        }
        return own;
    }

    private static String ownAgency(Identity who) {
        if (who.agency() == null || !who.hasAny(Roles.INTEGRATOR)) {
            throw ProblemException.forbidden("Su token de integrador no indica la dependencia (claim 'agency'); "
                    + "pida al administrador de Keycloak que la configure en su cliente.");
        }
        return who.agency();
    }

    private static List<String> events(List<String> given, List<Problem.FieldError> errors) {
        if (given == null || given.isEmpty()) {
            errors.add(Problem.FieldError.of(null, "events", "Indique al menos un evento: "
                    + String.join(", ", WebhookEvents.SUBSCRIBABLE) + "."));
            return List.of();
        }
        Set<String> events = new LinkedHashSet<>();
        for (String e : given) {
            String v = e == null ? "" : e.trim().toLowerCase(Locale.ROOT);
            if (WebhookEvents.SUBSCRIBABLE.contains(v)) {
                events.add(v);
            } else {
                errors.add(Problem.FieldError.of(null, "events", "Evento desconocido '" + shorten(e) + "'. Valores posibles: "
                        + String.join(", ", WebhookEvents.SUBSCRIBABLE) + "."));
            }
        }
        return List.copyOf(events);
    }

    private static List<String> filter(String field, List<String> given, Pattern pattern, String notValid,
                                       List<Problem.FieldError> errors) {
        if (given == null || given.isEmpty()) {
            return List.of();
        }
        if (given.size() > MAX_FILTER_ENTRIES) {
            errors.add(Problem.FieldError.of(null, field, "El filtro admite hasta " + MAX_FILTER_ENTRIES + " valores."));
            return List.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (String v : given) {
            String t = v == null ? "" : v.trim();
            if (pattern.matcher(t).matches()) {
                values.add(t);
            } else {
                errors.add(Problem.FieldError.of(null, field, "'" + shorten(v) + "' " + notValid));
            }
        }
        return List.copyOf(values);
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    /** Own subscriptions (an administrator: all, or one agency's). */
    public Page<WebhookDtos.SubscriptionView> list(String agency, int page, int size) {
        Identity who = caller.get();
        Page.check(page, size);
        io.quarkus.hibernate.orm.panache.PanacheQuery<WebhookSubscription> q;
        if (who.hasAny(Roles.ADMINISTRATOR)) {
            q = agency == null || agency.isBlank() ? WebhookSubscription.find("order by createdAt, id")
                    : WebhookSubscription.find("agencyId = ?1 order by createdAt, id", agency.trim());
        } else {
            String own = ownAgency(who);
            if (agency != null && !agency.isBlank() && !agency.trim().equals(own)) {
                throw ProblemException.forbidden("Solo puede consultar las suscripciones de su propia dependencia (" + own + ").");
            }
            q = WebhookSubscription.find("agencyId = ?1 order by createdAt, id", own);
        }
        List<WebhookDtos.SubscriptionView> items = q.page(page, size).list().stream()
                .map(s -> WebhookDtos.SubscriptionView.of(s, null)).toList();
        return new Page<>(items, page, size, q.count());
    }

    public WebhookDtos.SubscriptionView get(UUID id) {
        Identity who = caller.get();
        return WebhookDtos.SubscriptionView.of(owned(who, id), null);
    }

    /** Deletes the subscription and its delivery log; nothing more is sent to it. */
    @Transactional
    public void delete(UUID id) {
        Identity who = caller.get();
        owned(who, id).delete();
    }

    /** A new secret, effective at once (pending deliveries are signed with it from their next attempt). */
    @Transactional
    public WebhookDtos.SubscriptionView rotateSecret(UUID id) {
        Identity who = caller.get();
        WebhookSubscription s = owned(who, id);
        WebhookSecrets.Issued secret = secrets.issue(s.id);
        s.secretSealed = secret.sealed();
        s.secretRotatedAt = OffsetDateTime.now();
        return WebhookDtos.SubscriptionView.of(s, secret.secret());
    }

    /** Queues a {@code ping} delivery, sent like any other. */
    @Transactional
    public WebhookDtos.DeliveryView ping(UUID id) {
        Identity who = caller.get();
        WebhookSubscription s = owned(who, id);
        String eventId = UUID.randomUUID().toString();
        String body = new WebhookEvents.Body(eventId, WebhookEvents.PING, WebhookEvents.now(),
                new WebhookEvents.Ping(s.id.toString(), s.agencyId, "Prueba de entrega de webhooks del DIF.")).json();
        queue.enqueue(s.id, WebhookEvents.PING, eventId, body);
        return WebhookDtos.DeliveryView.of(WebhookDelivery.<WebhookDelivery>find("subscriptionId = ?1 and eventId = ?2", s.id, eventId).firstResult());
    }

    public Page<WebhookDtos.DeliveryView> deliveries(UUID id, String state, int page, int size) {
        Identity who = caller.get();
        Page.check(page, size);
        WebhookSubscription s = owned(who, id);
        DeliveryState st = null;
        if (state != null && !state.isBlank()) {
            try {
                st = DeliveryState.valueOf(state.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.unprocessable("Filtro inválido: estado desconocido '" + shorten(state) + "'.",
                        List.of(Problem.FieldError.of(null, "state", "Valores posibles: PENDING, DELIVERED, FAILED.")));
            }
        }
        var q = st == null
                ? WebhookDelivery.<WebhookDelivery>find("subscriptionId = ?1 order by createdAt desc, id", s.id)
                : WebhookDelivery.<WebhookDelivery>find("subscriptionId = ?1 and state = ?2 order by createdAt desc, id", s.id, st);
        List<WebhookDtos.DeliveryView> items = q.page(page, size).list().stream().map(WebhookDtos.DeliveryView::of).toList();
        return new Page<>(items, page, size, q.count());
    }

    /** A FAILED delivery goes back to the queue, due now, with a new round of the retry schedule. */
    @Transactional
    public WebhookDtos.DeliveryView retry(UUID deliveryId) {
        Identity who = caller.get();
        WebhookDelivery d = WebhookDelivery.findById(deliveryId);
        if (d == null) {
            throw ProblemException.notFound("No existe la entrega " + deliveryId + ".");
        }
        owned(who, d.subscriptionId);
        if (d.state != DeliveryState.FAILED) {
            throw ProblemException.conflict("Solo se reintentan entregas fallidas (FAILED); esta está " + d.state + ".");
        }
        d.state = DeliveryState.PENDING;
        d.roundAttempts = 0;
        d.manualRetries++;
        d.nextAttemptAt = OffsetDateTime.now();
        return WebhookDtos.DeliveryView.of(d);
    }

    /** The subscription, if it exists (404) and the caller may see it (403). */
    WebhookSubscription owned(Identity who, UUID id) {
        WebhookSubscription s = WebhookSubscription.findById(id);
        if (s == null) {
            throw ProblemException.notFound("No existe la suscripción de webhook " + id + ".");
        }
        if (!who.hasAny(Roles.ADMINISTRATOR) && !who.speaksFor(s.agencyId)) {
            throw ProblemException.forbidden("La suscripción " + id + " pertenece a otra dependencia; solo puede consultar y modificar las de "
                    + (who.agency() == null ? "su dependencia" : who.agency()) + ".");
        }
        return s;
    }
}
