package org.medcounsel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The shape of the house (STYLE.md): data flows one way, arguments → cli → sheet → counsel →
 * doc → render, no package cycles, and only shell/ uses JLine. A change that breaks the shape fails here.
 */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.medcounsel");

    @Test
    void onlyThePdfPackageKnowsThePdfLibrariesAndNothingKnowsIt() {
        // It is packed outside the tool's jar and loaded by name (render/Pdf) for leaflet --format
        // pdf only: so the counselling commands start as before.
        noClasses()
                .that()
                .resideOutsideOfPackage("org.medcounsel.pdf..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.openhtmltopdf..", "org.apache.pdfbox..", "org.jsoup..", "org.medcounsel.pdf..")
                .check(CLASSES);
    }

    @Test
    void onlyTheShellUsesJLine() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.medcounsel.shell..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.jline..")
                .check(CLASSES);
    }

    @Test
    void sheetsKnowNothingOfWhatIsMadeFromThem() {
        noClasses()
                .that()
                .resideInAPackage("org.medcounsel.sheet..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.medcounsel.counsel..",
                        "org.medcounsel.doc..",
                        "org.medcounsel.render..",
                        "org.medcounsel.cli..",
                        "org.medcounsel.check..",
                        "org.medcounsel.shell..",
                        "picocli..")
                .check(CLASSES);
    }

    @Test
    void counselBuildsDocumentsAndNeverRendersOrParsesArguments() {
        noClasses()
                .that()
                .resideInAPackage("org.medcounsel.counsel..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.medcounsel.render..", "org.medcounsel.cli..", "org.medcounsel.shell..", "picocli..")
                .check(CLASSES);
    }

    @Test
    void theDocumentModelStandsAlone() {
        noClasses()
                .that()
                .resideInAPackage("org.medcounsel.doc..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.medcounsel.sheet..",
                        "org.medcounsel.counsel..",
                        "org.medcounsel.render..",
                        "org.medcounsel.cli..")
                .check(CLASSES);
    }

    @Test
    void renderersNeverParseArgumentsNorReachBack() {
        noClasses()
                .that()
                .resideInAPackage("org.medcounsel.render..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.medcounsel.cli..", "org.medcounsel.shell..", "picocli..")
                .check(CLASSES);
    }

    @Test
    void theShellNeverImportsTheWiring() {
        noClasses()
                .that()
                .resideInAPackage("org.medcounsel.shell..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.medcounsel")
                .check(CLASSES);
    }

    /** No two packages need each other, directly or round a longer loop. */
    @Test
    void noPackageCycles() {
        slices().matching("org.medcounsel.(*)..").should().beFreeOfCycles().check(CLASSES);
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.medcounsel.cli..",
                        "org.medcounsel.sheet..",
                        "org.medcounsel.counsel..",
                        "org.medcounsel.doc..",
                        "org.medcounsel.render..",
                        "org.medcounsel.check..",
                        "org.medcounsel.shell..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.medcounsel")
                .check(CLASSES);
    }
}
