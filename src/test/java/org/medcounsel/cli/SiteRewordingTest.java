package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;

/**
 * Site data may add, never weaken (issue 26): a site {@code medicines.yaml} may add medicines,
 * names and group members, but not take a group or a name from a bundled medicine; a site that
 * rewords a question, a verdict sentence or a rule's advice says so once a run and in
 * {@code check}; the verdict names cannot be reworded.
 */
class SiteRewordingTest {
    final Cli cli = new Cli();

    /** Deuruxolitinib: every question answered safely but the medicines (review finding 4's patient). */
    static final String DEU = "age: 40\nsmoker: no\nheart-disease: no\ncancer-history: no\nblood-clot-history: no\n"
            + "surgery-planned: no\nactive-infection: no\nrecurrent-infections: no\nshingles-history: no\n"
            + "tb-exposure: no\nhepatitis-history: no\nlive-vaccine-planned: no\npregnant: no\nbreastfeeding: no\n"
            + "cyp2c9-genotype: not-poor-metaboliser\nlymphocytes: 2\nneutrophils: 4\nhaemoglobin: 14\negfr: 90\n"
            + "liver-impairment: none\n";

    static final String HEAD = "reviewed: 2026-11-23\nsources:\n  - id: local\n    title: Local list\n"
            + "    url: https://example.org/\n";

    Result screenDeu(String medicines, String... data) {
        cli.write("deu.yaml", DEU);
        String[] args = {"screen", "deuruxolitinib", "--patient", "deu.yaml", "-f", "medicines=" + medicines};
        String[] all = Arrays.copyOf(args, args.length + data.length);
        System.arraycopy(data, 0, all, args.length, data.length);
        return cli.run(all);
    }

    @Test
    void aSiteEntryThatDropsABundledMedicinesGroupsIsAnErrorNotAClearScreening() {
        assertEquals(Exit.DO_NOT_START, screenDeu("Diflucan").code(), "fluconazole without a site folder");
        cli.write(
                "medsite/medicines.yaml",
                HEAD + "medicines:\n  - id: fluconazole\n    brands: [Diflucan]\n    groups: []\n");

        Result r = screenDeu("Diflucan", "--data", "medsite");
        assertEquals(Exit.DATA_ERROR, r.code(), r::toString);
        assertEquals("", r.out(), "no report at all, so never 'clear'");
        assertTrue(
                r.err()
                        .startsWith("medcounsel: medsite/medicines.yaml:9: medicine 'fluconazole' leaves out the groups"
                                + " 'moderate-cyp3a4-inhibitors',"),
                r.err());
        assertTrue(r.err().contains("'cyp2c9-inhibitors' that data/medicines.yaml gives it"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());

        Result check = cli.run("check", "--data", "medsite", "--strict");
        assertEquals(Exit.DATA_ERROR, check.code(), check::toString);
        assertTrue(
                check.out().contains("medsite/medicines.yaml:9: error: medicine 'fluconazole' leaves out the groups"),
                check.out());
    }

    @Test
    void aSiteMayAddABrandOrAGroupMemberToABundledMedicine() {
        cli.write(
                "site/medicines.yaml",
                HEAD + "medicines:\n"
                        + "  - id: fluconazole\n    brands: [Flucozol]\n" // names only: its groups are kept
                        + "  - id: fluconazole-local\n    also: [fluco local]\n    groups: [cyp2c9-inhibitors]\n"
                        + "  - id: paracetamol\n    groups: [cyp2c9-inhibitors]\n"); // a new member, made up
        Result added = screenDeu("Flucozol", "--data", "site");
        assertEquals(Exit.DO_NOT_START, added.code(), added::toString);
        assertTrue(added.out().contains("Flucozol -> fluconazole"), added.out());
        assertEquals(
                Exit.DO_NOT_START, screenDeu("fluco local", "--data", "site").code());
        Result member = screenDeu("paracetamol", "--data", "site");
        assertEquals(Exit.DO_NOT_START, member.code(), "a group added to a bundled medicine counts: " + member);
        assertEquals(Exit.DO_NOT_START, screenDeu("Diflucan", "--data", "site").code(), "bundled names still work");
        assertEquals("", added.err(), "adding says nothing");

        Result check = cli.run("check", "--data", "site", "--strict");
        assertEquals(Exit.OK, check.code(), check::toString);
        assertTrue(check.out().contains(": 0 errors, 0 warnings"), check.out());
    }

    @Test
    void aSiteNameThatIsABundledMedicinesNameIsAnError() {
        cli.write(
                "site/medicines.yaml",
                HEAD + "medicines:\n  - id: harmlessol\n    also: [Fluconazole tablets]\n    brands: [Nizoral]\n"
                        + "  - id: diflucan\n");
        Result check = cli.run("check", "--data", "site");
        assertEquals(Exit.DATA_ERROR, check.code(), check::toString);
        assertTrue(
                check.out()
                        .contains(
                                "site/medicines.yaml:8: error: the name 'Fluconazole tablets' of medicine 'harmlessol'"
                                        + " is already a name of 'fluconazole' in data/medicines.yaml; a name must find one"
                                        + " medicine"),
                check.out());
        assertTrue(
                check.out().contains("site/medicines.yaml:9: error: the name 'Nizoral' of medicine 'harmlessol' is"),
                check.out());
        assertTrue(
                check.out()
                        .contains("site/medicines.yaml:10: error: the id 'diflucan' is already a name of"
                                + " 'fluconazole'"),
                check.out());
        Result r = screenDeu("Nizoral", "--data", "site");
        assertEquals(Exit.DATA_ERROR, r.code(), r::toString);
        assertTrue(r.err().startsWith("medcounsel: site/medicines.yaml:8: the name 'Fluconazole tablets'"), r.err());
    }

    @Test
    void aSiteMayNotRenameABundledGroup() {
        cli.write(
                "site/medicines.yaml",
                HEAD + "groups:\n  - id: cyp2c9-inhibitors\n    name: mild CYP2C9 inhibitor\n"
                        + "  - id: local-group\n    name: local thing\n");
        Result check = cli.run("check", "--data", "site");
        assertEquals(Exit.DATA_ERROR, check.code(), check::toString);
        assertTrue(
                check.out().contains("site/medicines.yaml:8: error: the group 'cyp2c9-inhibitors' is already defined"),
                check.out());
        // The same group, word for word (a site that copied the bundled file and added to it), is fine.
        String bundledName = "moderate or strong CYP2C9 inhibitor";
        cli.write("same/medicines.yaml", HEAD + "groups:\n  - id: cyp2c9-inhibitors\n    name: " + bundledName + "\n");
        Result same = cli.run("check", "--data", "same");
        assertFalse(same.out().contains("cyp2c9-inhibitors"), "only if that is the bundled name: " + same.out());
    }

    static final String SEL = "age: 25\npregnant: no\nbreastfeeding: no\nheart-pumping-problems: no\n"
            + "vision-problems: no\nliver-impairment: none\nmedicines: [paracetamol]\nvitamin-e-supplements: no\n";

    @Test
    void aRewordedQuestionOrAdviceIsNotedOnceARunAndListedByCheck() {
        cli.write("sel.yaml", SEL);
        cli.write(
                "site/facts.yaml",
                "facts:\n  - {key: pregnant, type: yes-no, question: \"Could you be pregnant, or planning a"
                        + " baby?\"}\n  - {key: pet, type: yes-no, question: \"Do you keep a cat?\"}\n");
        cli.write(
                "site/drugs/selumetinib.yaml",
                bundledSheet("selumetinib")
                        .replace(
                                "Selumetinib may harm an unborn baby,",
                                "In our words: selumetinib may harm an unborn baby,"));
        Result r = cli.run("screen", "selumetinib", "olumiant", "--patient", "sel.yaml", "--data", "site");
        assertEquals(
                "medcounsel: note: the site folder site replaces the bundled sheet for selumetinib\n"
                        + "medcounsel: note: the site folder site rewords the screening question for pregnant\n"
                        + "medcounsel: note: the site folder site rewords the advice of selumetinib's screening"
                        + " rule on pregnant\n",
                r.err(),
                "once a run, however many drugs are screened; a new fact is not a rewording");

        Result check = cli.run("check", "--data", "site");
        assertTrue(
                check.out()
                        .contains("site/facts.yaml: warning: the site folder site rewords the screening question for"
                                + " pregnant; have a second person check it still says what the rules decide\n"),
                check.out());
        assertTrue(
                check.out()
                        .contains("site/drugs/selumetinib.yaml: warning: the site folder site rewords the advice of"
                                + " selumetinib's screening rule on pregnant;"),
                check.out());
        assertEquals(
                Exit.DATA_ERROR, cli.run("check", "--data", "site", "--strict").code(), "warnings fail --strict");
        assertFalse(check.err().contains("rewords"), "check lists them once, in its report: " + check.err());
    }

    @Test
    void aRewordedVerdictSentenceIsNotedAndItsVerdictNameCannotChange() {
        cli.write("sel.yaml", SEL);
        cli.write("site/words.yaml", "verdict-clear: \"Clear: nothing stands in the way; start as prescribed.\"\n");
        Result ok = cli.run("screen", "selumetinib", "--patient", "sel.yaml", "--data", "site");
        assertEquals(Exit.OK, ok.code(), ok::toString);
        assertTrue(ok.out().contains("Clear: nothing stands in the way"), ok.out());
        assertEquals("medcounsel: note: the site folder site rewords the verdict word verdict-clear\n", ok.err());
        assertTrue(cli.run("check", "--data", "site")
                .out()
                .contains("site/words.yaml: warning: the site folder site rewords the verdict word verdict-clear;"));

        // Review finding 11: a do-not-start sentence that says "clear".
        cli.write(
                "bad/words.yaml",
                "summary-caution: \"caution: {findings}\"\n"
                        + "verdict-do-not-start: \"clear: fine to start ({findings} of no concern).\"\n"
                        + "summary-do-not-start: \"clear ({findings})\"\n");
        Result bad = cli.run("screen", "selumetinib", "--patient", "sel.yaml", "-f", "pregnant=yes", "--data", "bad");
        assertEquals(Exit.DATA_ERROR, bad.code(), bad::toString);
        assertEquals("", bad.out());
        assertTrue(
                bad.err()
                        .startsWith("medcounsel: bad/words.yaml:2: 'verdict-do-not-start' must begin with the verdict"
                                + " name 'do not start:': a site may reword a verdict sentence, not the verdict it"
                                + " states"),
                bad.err());
        Result check = cli.run("check", "--data", "bad");
        assertEquals(Exit.DATA_ERROR, check.code());
        assertTrue(
                check.out()
                        .contains("bad/words.yaml:3: error: 'summary-do-not-start' must begin with the verdict name"
                                + " 'do-not-start:'"),
                check.out());
    }

    /** A bundled drug sheet's YAML, to copy into a site folder. */
    static String bundledSheet(String id) {
        try (InputStream in = SiteRewordingTest.class.getResourceAsStream("/medcounsel/data/drugs/" + id + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
