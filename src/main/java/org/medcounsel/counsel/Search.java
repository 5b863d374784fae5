package org.medcounsel.counsel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.SheetException;
import org.medcounsel.sheet.SheetFile;
import org.medcounsel.sheet.SheetText;
import org.medcounsel.sheet.Shelf.Kind;
import org.medcounsel.sheet.Synonyms;

/**
 * {@code search}: the sentences of every sheet that mention what was asked. A query is a list of
 * terms, and a sentence is a hit when it holds every term. A term is a word, or a phrase (an
 * argument with spaces in it, or words next to each other that make a phrase of the synonym
 * file); it is found at the start of a word, in any case ("clot" finds "clots"), or as any word of
 * its synonym group ("shingles" finds "herpes zoster" and the other way round).
 */
public final class Search {
    private Search() {}

    /** One thing asked for: as asked, and every phrase that counts as it, lower case. */
    public record Term(String asked, List<String> alternatives) {}

    /** Where a hit's sentence holds a term: {@code [start, end)} in the sentence. */
    public record Span(int start, int end) {}

    /** A sentence that holds every term: whose sheet ("drug" or "class"), which section, where. */
    public record Hit(String kind, String id, String section, String sentence, List<Span> spans) {}

    /** The hits, and the sheets that could not be read (their errors, as located messages). */
    public record Result(List<Term> terms, List<Hit> hits, List<String> broken) {}

    /** The terms of a query as typed: one argument with spaces is one phrase. */
    public static List<Term> terms(List<String> args, Synonyms synonyms) {
        List<String> words = new ArrayList<>();
        List<Boolean> phrase = new ArrayList<>();
        for (String arg : args) {
            String a = Synonyms.normal(arg);
            if (a.isEmpty()) continue;
            words.add(a);
            phrase.add(a.contains(" "));
        }
        List<Term> terms = new ArrayList<>();
        int longest = synonyms.longest();
        for (int i = 0; i < words.size(); ) {
            int take = 1;
            // Words next to each other that make a phrase of a synonym group are that phrase.
            if (!phrase.get(i)) {
                for (int n = Math.min(longest, words.size() - i); n > 1; n--) {
                    if (!phrase.subList(i, i + n).contains(true)
                            && synonyms.known(String.join(" ", words.subList(i, i + n)))) {
                        take = n;
                        break;
                    }
                }
            }
            String asked = String.join(" ", words.subList(i, i + take));
            terms.add(new Term(asked, List.copyOf(synonyms.alternatives(asked))));
            i += take;
        }
        return terms;
    }

    /** Every sentence of every sheet that holds all the terms: drug sheets, then class sheets, by id. */
    public static Result run(Formulary formulary, List<Term> terms) {
        List<List<String>> alternatives = terms.stream().map(Term::alternatives).toList();
        // The shell's Ctrl-C interrupts the thread that runs the command: stop between sheets.
        Thread caller = Thread.currentThread();
        List<Hit> hits = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            // Each sheet is read on its own, side by side; the hits keep the order of the ids.
            List<SheetHits> perSheet = formulary.mayMention(kind, alternatives).stream()
                    .parallel()
                    .map(id -> {
                        if (caller.isInterrupted()) throw new CancellationException();
                        return sheetHits(formulary, kind, id, terms);
                    })
                    .toList();
            for (SheetHits one : perSheet) {
                hits.addAll(one.hits());
                one.error().ifPresent(broken::add);
            }
        }
        return new Result(terms, hits, broken);
    }

    /** One sheet's hits, or the message saying why it cannot be read. */
    private record SheetHits(List<Hit> hits, Optional<String> error) {}

    /** The hits of one sheet, or the message saying why it cannot be read. */
    private static SheetHits sheetHits(Formulary formulary, Kind kind, String id, List<Term> terms) {
        SheetFile file = formulary.find(kind, id).orElseThrow();
        List<Hit> hits = new ArrayList<>();
        try {
            for (SheetText.Passage p : SheetText.of(file.tree())) {
                List<Span> spans = match(p.sentence(), terms);
                if (spans != null) {
                    hits.add(new Hit(kind == Kind.DRUG ? "drug" : "class", id, p.section(), p.sentence(), spans));
                }
            }
        } catch (SheetException e) {
            return new SheetHits(List.of(), Optional.of(e.getMessage()));
        }
        return new SheetHits(hits, Optional.empty());
    }

    /** Whether {@code text} holds every term. */
    public static boolean holds(String text, List<Term> terms) {
        return match(text, terms) != null;
    }

    /** Where the sentence holds each term, in order; null when some term is missing. */
    static List<Span> match(String sentence, List<Term> terms) {
        String lower = sentence.toLowerCase(Locale.ROOT);
        boolean sameLength = lower.length() == sentence.length();
        List<Span> spans = new ArrayList<>();
        for (Term term : terms) {
            boolean found = false;
            for (String alternative : term.alternatives()) {
                for (int at = lower.indexOf(alternative); at >= 0; at = lower.indexOf(alternative, at + 1)) {
                    if (at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1))) {
                        found = true;
                        if (sameLength) spans.add(new Span(at, at + alternative.length()));
                    }
                }
            }
            if (!found) return null;
        }
        return merged(spans);
    }

    /** Spans in order, overlapping ones joined, so highlighting never nests. */
    private static List<Span> merged(List<Span> spans) {
        spans.sort(Comparator.comparingInt(Span::start));
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            if (!out.isEmpty() && s.start() <= out.get(out.size() - 1).end()) {
                Span last = out.remove(out.size() - 1);
                out.add(new Span(last.start(), Math.max(last.end(), s.end())));
            } else {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }
}
