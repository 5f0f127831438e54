package mx.gob.dif.console.live;

import mx.gob.dif.events.IndicatorUpdated;

import java.math.BigDecimal;

/**
 * What a page hears of an indicator update: which indicator of which unit and year changed, and its year value. An
 * aggregate, like the event it comes from: never a person's data.
 */
public record LiveIndicator(String indicator, String orgUnit, int fiscalYear, BigDecimal value, BigDecimal percent) {

    static LiveIndicator of(IndicatorUpdated u) {
        return new LiveIndicator(u.indicator(), u.orgUnit(), u.fiscalYear(), u.value(), u.percent());
    }
}
