package org.medcounsel.cli;

import java.util.List;
import org.medcounsel.counsel.Guidance;
import org.medcounsel.doc.Document;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.Word;
import picocli.CommandLine.Command;

/** {@code medcounsel brief DRUG...}: the counter card, one screen per drug. */
@Command(
        name = "brief",
        mixinStandardHelpOptions = true,
        versionProvider = MedcounselCommand.Version.class,
        description = {
            "The counter card: the five things to say, on one screen.",
            "What it is for, how to take it, a missed dose, three things to watch and when to get help at once, in"
                    + " at most 24 lines at 80 columns. Ends with a teach-back question."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:data error (or a sheet with no key points)", "2:usage error", "3:unknown drug"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  medcounsel brief olumiant",
            "  medcounsel brief baricitinib tofacitinib",
            "  medcounsel brief koselugo --format html > card.html",
            "  medcounsel brief rinvoq --format json"
        })
final class BriefCommand extends CounselCommand {
    BriefCommand(Environment env) {
        super(env);
    }

    /** Every sheet is checked before anything is printed: no half a run of cards. */
    @Override
    List<Document> documents(Formulary formulary, List<Drug> drugs) {
        for (Drug drug : drugs) {
            if (!Guidance.hasKeyPoints(drug)) {
                throw new Failure(formulary
                        .words()
                        .get(
                                Word.NO_KEY_POINTS,
                                "drug",
                                drug.id(),
                                "file",
                                drug.sheet().fields().file()));
            }
        }
        return super.documents(formulary, drugs);
    }

    @Override
    Document document(Guidance guidance, Drug drug) {
        return guidance.brief(drug);
    }
}
