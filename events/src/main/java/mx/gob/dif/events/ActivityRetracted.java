package mx.gob.dif.events;

/** Withdraws an earlier {@link ActivityReported}; same key so it is ordered after it. */
public record ActivityRetracted(String activityId, String indicator, String orgUnit, String reason) {

    public String key() {
        return orgUnit + "|" + indicator;
    }
}
