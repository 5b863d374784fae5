package org.medcounsel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The shape of the house, as STYLE.md and docs/development.md draw it, held here so it stays true.
 *
 * <pre>
 * Main (wiring) → cli, shell → check → counsel → doc, sheet
 *                              render (every output shape: reads sheet, counsel and check records)
 * pdf: outside the main jar, loaded by name; it knows render, nothing knows it
 * </pre>
 *
 * Each layer may use only the layers named for it in {@link #eachLayerUsesOnlyTheLayersAfterIt}:
 * a new arrow between packages is a design change, made here and in the docs together.
 */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.medcounsel");

    /** Exactly the layering the docs state: every allowed arrow is listed, and only those. */
    @Test
    void eachLayerUsesOnlyTheLayersAfterIt() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Wiring")
                .definedBy("org.medcounsel")
                .layer("Cli")
                .definedBy("org.medcounsel.cli..")
                .layer("Shell")
                .definedBy("org.medcounsel.shell..")
                .layer("Check")
                .definedBy("org.medcounsel.check..")
                .layer("Counsel")
                .definedBy("org.medcounsel.counsel..")
                .layer("Render")
                .definedBy("org.medcounsel.render..")
                .layer("Doc")
                .definedBy("org.medcounsel.doc..")
                .layer("Sheet")
                .definedBy("org.medcounsel.sheet..")
                .layer("Pdf")
                .definedBy("org.medcounsel.pdf..")
                .whereLayer("Wiring")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Pdf")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Wiring")
                .mayOnlyAccessLayers("Cli", "Shell", "Check", "Counsel", "Render", "Doc", "Sheet")
                .whereLayer("Shell")
                .mayOnlyAccessLayers("Cli", "Render", "Sheet")
                .whereLayer("Cli")
                .mayOnlyAccessLayers("Check", "Counsel", "Render", "Doc", "Sheet")
                .whereLayer("Check")
                .mayOnlyAccessLayers("Counsel", "Doc", "Sheet")
                .whereLayer("Render")
                .mayOnlyAccessLayers("Check", "Counsel", "Doc", "Sheet")
                .whereLayer("Counsel")
                .mayOnlyAccessLayers("Doc", "Sheet")
                .whereLayer("Doc")
                .mayNotAccessAnyLayer()
                .whereLayer("Sheet")
                .mayNotAccessAnyLayer()
                .whereLayer("Pdf")
                .mayOnlyAccessLayers("Render")
                .check(CLASSES);
    }

    /** The command line is read in cli/ (and the shell that hosts it) only. */
    @Test
    void onlyTheCommandsUsePicocli() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.medcounsel.sheet..",
                        "org.medcounsel.counsel..",
                        "org.medcounsel.doc..",
                        "org.medcounsel.render..",
                        "org.medcounsel.check..",
                        "org.medcounsel.pdf..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("picocli..")
                .check(CLASSES);
    }

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
