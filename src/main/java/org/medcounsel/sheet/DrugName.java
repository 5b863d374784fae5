package org.medcounsel.sheet;

/** A drug's generic or brand name as its sheet spells it, the drug's id, and which of the two it is. */
public record DrugName(String spelled, String id, boolean generic) {}
