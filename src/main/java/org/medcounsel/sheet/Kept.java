package org.medcounsel.sheet;

/** A value and the stamps of the files it was made from: kept while they are unchanged. */
record Kept<T>(T value, String stamp) {}
