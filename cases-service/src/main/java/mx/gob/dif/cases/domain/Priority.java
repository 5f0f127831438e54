package mx.gob.dif.cases.domain;

public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
