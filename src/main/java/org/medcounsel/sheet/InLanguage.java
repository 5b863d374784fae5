package org.medcounsel.sheet;

/** A value in a language other than English, and whether its English source changed since. */
public record InLanguage<T>(T value, boolean stale) {}
