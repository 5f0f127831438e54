package mx.gob.dif.console.operator;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.console.api.IndicatorsApi;
import mx.gob.dif.console.api.ProgramItem;
import mx.gob.dif.console.api.ProgramProgress;
import mx.gob.dif.console.api.ProgramsApi;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Duration;
import java.util.List;

/**
 * A unit's plan read through the API as the signed-in person: its programs, then every program's progress over a
 * period, asked for all at once (a plan has some twenty programs) and returned in the plan's order.
 */
@ApplicationScoped
public class UnitPlan {
    /** Longer than any single call may take behind the gateway, so the API's own answer (or its 504) comes first. */
    private static final Duration WAIT = Duration.ofSeconds(55);
    private final ProgramsApi programs;
    private final IndicatorsApi indicators;

    public UnitPlan(@RestClient ProgramsApi programs, @RestClient IndicatorsApi indicators) {
        this.programs = programs;
        this.indicators = indicators;
    }

    public List<ProgramProgress> progress(String orgUnit, int fiscalYear, String period) {
        List<ProgramItem> items = programs.programs(orgUnit, fiscalYear, Page.MAX_SIZE).items();
        if (items.isEmpty()) {
            return List.of();
        }
        List<Uni<ProgramProgress>> calls = items.stream().map(p -> indicators.progress(p.code(), orgUnit, period)).toList();
        return Uni.join().all(calls).andFailFast().await().atMost(WAIT);
    }
}
