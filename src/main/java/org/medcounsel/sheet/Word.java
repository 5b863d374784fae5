package org.medcounsel.sheet;

import java.util.Locale;

/**
 * Every interface word the tool prints that is not in a drug sheet: headings, labels, frequency
 * and use-status words, verdict sentences and the disclaimer. The words themselves live in
 * {@code data/words.yaml}; a site's {@code words.yaml} may reword any of them and a translation
 * replaces them. {@code {n}}, {@code {findings}} and similar mark where a value goes.
 */
public enum Word {
    DISCLAIMER("The sentence at the foot of every document."),
    REVIEWED("Said before the review date in the footer: what the date means."),
    APPROVED("A site pharmacist's approval, {by} and {date}."),
    SOURCES("Heading of the list of sources."),
    PART_INFO("Subtitle of the info document."),
    PART_RISKS("Subtitle of the risks document."),
    PART_STOP("Subtitle of the stop document."),
    PART_SCREEN("Subtitle of a screening."),
    PART_LEAFLET("Subtitle of a leaflet."),
    HEADING_WHAT_IT_IS("Heading: what the medicine is."),
    HEADING_USES("Heading: what it is used for."),
    HEADING_BEFORE_YOU_TAKE("Heading: before you take it."),
    HEADING_HOW_TO_TAKE("Heading: how to take it."),
    HEADING_MISSED_DOSE("Heading: a missed dose."),
    HEADING_OVERDOSE("Heading: taking too much."),
    HEADING_STARTS_WORKING("Heading: when it starts to work."),
    HEADING_STORAGE("Heading: how to store it."),
    HEADING_WARNINGS("Heading: the important warnings."),
    HEADING_URGENT_HELP("Heading: when to get urgent help."),
    HEADING_SIDE_EFFECTS("Heading: side effects."),
    HEADING_MONITORING("Heading: checks and tests."),
    HEADING_STAYING_SAFE("Heading: everyday safety."),
    HEADING_BEFORE_YOU_STOP("Heading: before you stop."),
    HEADING_PAUSING("Heading: when it may be paused."),
    HEADING_AFTER_STOPPING("Heading: after stopping."),
    HEADING_FINDINGS("Heading: screening findings."),
    HEADING_QUESTIONS("Heading: the screening questions and answers."),
    HEADING_REMINDERS("Heading: reminders for the pharmacist."),
    HEADING_VERDICT("Heading: the screening verdict."),
    LABEL_WARNING("Label of the warnings box."),
    LABEL_URGENT("Label of the urgent-help box."),
    LABEL_WHAT_TO_DO("Label before what to do about a group of side effects."),
    LABEL_DO_NOT_START("Label of a do-not-start finding."),
    LABEL_CAUTION("Label of a caution finding."),
    LABEL_NOTE("Label of a note finding."),
    LABEL_VERDICT("Label of the verdict box."),
    LABEL_SOURCE("Label before a finding's source."),
    LABEL_ANSWER("Label before a patient's answer."),
    LABEL_FLAGGED_WHEN("Label before the condition a rule flags."),
    NOT_ASKED("Shown for a question with no answer."),
    NOT_GIVEN("Shown for a measure not given when another measure stood in for it."),
    SERIOUS("Lead-in of a group of serious side effects."),
    NOT_SERIOUS("Lead-in of a group of less serious side effects."),
    FREQUENCY_VERY_COMMON("Very common, on the EU leaflet scale."),
    FREQUENCY_COMMON("Common, on the EU leaflet scale."),
    FREQUENCY_UNCOMMON("Uncommon, on the EU leaflet scale."),
    FREQUENCY_RARE("Rare, on the EU leaflet scale."),
    FREQUENCY_NOT_KNOWN("Frequency not known."),
    USE_LICENSED("Status of a licensed use."),
    USE_OFF_LABEL("Status of an off-label use."),
    USE_UNDER_STUDY("Status of a use under study."),
    CONDITION_AT_LEAST("A rule's lower bound: {n} is the number with its unit."),
    CONDITION_ABOVE("A rule's strict lower bound."),
    CONDITION_AT_MOST("A rule's upper bound."),
    CONDITION_BELOW("A rule's strict upper bound."),
    CONDITION_INCLUDES("A list rule: {names} are the names it looks for."),
    CONDITION_IS("A choice rule: {choices} are the answers it flags."),
    CONDITION_YES("A yes-no rule's condition."),
    CONDITION_AND("Joins two conditions."),
    CONDITION_OR("Joins the names or choices a rule looks for."),
    FINDINGS_ONE("One finding."),
    FINDINGS_OTHER("{n} findings."),
    QUESTIONS_ONE("One question."),
    QUESTIONS_OTHER("{n} questions."),
    MEDICINES_ONE("One medicine."),
    MEDICINES_OTHER("{n} medicines."),
    HEADING_NOT_ASKED("Heading: the questions not answered yet, with how to answer them."),
    HEADING_MEDICINES("Heading: each medicine as typed and what it was matched to."),
    HEADING_UNUSED("Heading: facts given that no rule of this drug uses."),
    MEDICINE_UNKNOWN("A medicine not recognised: {typed} is what was typed."),
    MEDICINE_DID_YOU_MEAN("Close names for a medicine not recognised: {names}."),
    UNKNOWN_USE("A use that is not one of the drug's: {use} as given, {uses} the drug's use ids."),
    NO_RULES("Said of a drug whose sheets have no screening questions: nothing was checked."),
    SUMMARY_DO_NOT_START("First line of a do-not-start screening; {findings} counts the findings."),
    SUMMARY_CAUTION("First line of a caution screening."),
    SUMMARY_INCOMPLETE("First line of an incomplete screening."),
    SUMMARY_CLEAR("First line of a clear screening."),
    SUMMARY_NOT_ASKED("Added to the first line: {questions} counts them, {keys} lists their -f keys."),
    SUMMARY_UNRECOGNISED("Added to the first line: {medicines} counts them, {names} lists them."),
    VERDICT_DO_NOT_START("The do-not-start verdict; {findings} counts the findings."),
    VERDICT_CAUTION("The caution verdict; {findings} counts the findings."),
    VERDICT_INCOMPLETE("The incomplete verdict; {questions} counts the open questions."),
    VERDICT_CLEAR("The clear verdict."),
    PART_COMPARE("Subtitle of a comparison of drugs side by side."),
    HEADING_COMPARE("Heading of the comparison table."),
    COMPARE_TOPIC("Heads the column of topics in a comparison table."),
    HEADING_AGES("Comparison row: the ages each drug is licensed for."),
    HEADING_CONTRACEPTION("Comparison row: birth control after the last dose."),
    HEADING_INTERACTIONS("Comparison row: the medicines screening asks about."),
    COMPARE_USE("A use in a comparison: {condition} and its {status}."),
    COMPARE_INTERACTION("An interaction in a comparison: {medicines} joined by 'or', and the rule's {level}."),
    NOT_STATED("Said in a comparison where a sheet does not state the fact (never left blank)."),
    NOTE_STALE("A note on stderr when a drug is used whose sheet or class sheet was last reviewed long ago:"
            + " {drug} is its id, {date} the older review date, {years} whole years since."),
    SOURCES_IN_FULL("After the sources heading on a terminal, where each source is one short line: how to see"
            + " them in full."),
    LIST_ID("list: heading of the id column."),
    LIST_BRANDS("list: heading of the brands column."),
    LIST_CLASS("list: heading of the class column."),
    LIST_SOURCE("list: heading of the column that says where a sheet came from."),
    LIST_BUNDLED("list: a sheet that comes with medcounsel."),
    LIST_REPLACES("list: a site folder's sheet used instead of the bundled one; {folder} is the folder."),
    HEADING_BACKGROUND("Heading, last in risks: why the warnings are there (studies, regulators, dates)."),
    PART_BRIEF("Subtitle of the counter card (brief)."),
    HEADING_KEY_POINTS("Heading of the counter card's points."),
    LABEL_FOR("Counter card: before what the medicine is for."),
    LABEL_TAKE("Counter card: before how to take it."),
    LABEL_MISSED_DOSE("Counter card: before what to do about a missed dose."),
    LABEL_WATCH("Counter card: before the three things to watch for."),
    LABEL_GET_HELP("Counter card: label of when to get help at once."),
    LABEL_ASK("Counter card: before the teach-back question."),
    TEACH_BACK("Counter card: the teach-back question the pharmacist asks the patient."),
    LABEL_FULL_SHEET("Counter card: before the command that shows the full sheet."),
    FULL_SHEET("Counter card: the command that shows the full sheet; {drug} is the drug's id."),
    NO_KEY_POINTS("Error from brief for a sheet without key-points: {drug} is its id, {file} its file.");

    /** What the word is for, as the schema describes it. */
    public final String description;

    Word(String description) {
        this.description = description;
    }

    /** Its key in words.yaml: lower case with dashes, "heading-what-it-is". */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
