package mx.gob.dif.programs.service;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.UUID;

/** A plan document as read for single-entity reads, or as left by a change, and whether the change changed anything. */
public record EditResult(UUID planId, String orgUnit, int fiscalYear, String status, int revision, boolean changed,
                         ObjectNode document) {
}
