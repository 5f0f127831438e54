package mx.gob.dif.deploy.chaos;

import mx.gob.dif.deploy.infra.TokenClient;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A municipal reporting system as a careful integrator writes it: every report has an id of its own
 * (UUID); a request that times out, fails to connect or gets a 5xx (or a 401/429) is resent with the same
 * body and the same ids, with backoff, until the platform gives a definitive answer (202 or 4xx).
 * Half its requests are single reports (a JSON object), half batches; every 17th batch carries one
 * invalid report, so the whole request must be refused and nothing of it counted.
 */
final class ReportingClient implements Runnable {
    static final int YEAR = 2017;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private final String user;
    private final String unit;
    private final ChaosHttp http;
    private final Tally tally;
    private final Profile profile;
    private final Supplier<String> indicator;
    private final Random random;
    private volatile boolean stopping;
    private volatile long stopDeadline;

    ReportingClient(String user, String unit, ChaosHttp http, Tally tally, Profile profile, Supplier<String> indicator, long seed) {
        this.user = user;
        this.unit = unit;
        this.http = http;
        this.tally = tally;
        this.profile = profile;
        this.indicator = indicator;
        this.random = new Random(seed);
    }

    String unit() {
        return unit;
    }

    /** No new request after this; the one in flight is resent until definitive, or given up as unresolved after {@code bound}. */
    void stop(Duration bound) {
        stopDeadline = System.nanoTime() + bound.toNanos();
        stopping = true;
    }

    @Override
    public void run() {
        int n = 0;
        while (!stopping) {
            n++;
            boolean invalid = n % 17 == 0;
            int size = random.nextBoolean() && !invalid ? 1 : 2 + random.nextInt(Math.max(1, profile.maxBatch() - 1));
            List<Tally.Report> reports = new ArrayList<>(size);
            StringBuilder body = new StringBuilder(size == 1 ? "" : "[");
            String code = indicator.get();
            for (int i = 0; i < size; i++) {
                Tally.Report r = new Tally.Report(UUID.randomUUID().toString(), unit, code);
                reports.add(r);
                // the invalid one: a negative quantity, which the API refuses with 422
                String quantity = invalid && i == size - 1 ? "-1" : "1";
                body.append(i > 0 ? "," : "").append(json(r, LocalDate.of(YEAR, 1 + random.nextInt(12), 1 + random.nextInt(28)), quantity));
            }
            deliver(reports, size == 1 ? body.toString() : body.append(']').toString(), invalid);
            pause(profile.pause());
        }
    }

    /** Sends one request until the platform gives a definitive answer; returns whether it was a 202. */
    boolean deliver(List<Tally.Report> reports, String body, boolean invalid) {
        Duration backoff = Duration.ofMillis(500);
        while (true) {
            int status;
            String answer = "";
            try {
                HttpResponse<String> r = http.post("/api/v1/activities", body, user, ChaosHttp.CLIENT_TIMEOUT);
                status = r.statusCode();
                answer = r.body();
            } catch (IOException | TokenClient.TokenException e) {
                status = -1; // timeout, refused connection, Keycloak away: the outcome is unknown
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                tally.unresolved(reports);
                return false;
            }
            if (status == 202) {
                tally.acked(reports);
                return true;
            }
            if (status >= 400 && status < 500 && status != 401 && status != 429) {
                if (!invalid) {
                    tally.unexpected(reports, status + " " + answer);
                }
                tally.rejected(reports);
                return false;
            }
            if (stopping && System.nanoTime() > stopDeadline) {
                tally.unresolved(reports);
                return false;
            }
            tally.resent();
            pause(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    static String json(Tally.Report r, LocalDate date, String quantity) {
        return "{\"id\":\"" + r.id() + "\",\"indicator\":\"" + r.indicator() + "\",\"orgUnit\":\"" + r.unit()
                + "\",\"date\":\"" + date + "\",\"quantity\":" + quantity + ",\"note\":\"prueba de fallas\"}";
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
