package com.kakehashi.console.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The console's package lines, kept by the build. A feature package (tenant, participant, dashboard, ...)
 * holds views and the presenters they forward to; {@code shell} is the frame every feature builds on and
 * knows none of them, so a new feature plugs in without touching it.
 */
class ConsoleArchitectureTest {

    private static final String ROOT = "com.kakehashi.console";

    /** Everything else directly under the root is a feature; a new package is covered without listing it. */
    private static final Set<String> SHARED = Set.of("shell", "i18n", "api");

    /** The generated REST client: only {@code api} wraps it. */
    private static final String GENERATED_CLIENT = "client";

    /** The one page made of other features' panels: a tenant's tabs. */
    private static final String TENANT_PAGE = ROOT + ".tenant.TenantView";

    private static final DescribedPredicate<JavaClass> IN_A_FEATURE =
            DescribedPredicate.describe("reside in a feature package", ConsoleArchitectureTest::isFeature);

    private static final DescribedPredicate<JavaClass> VIEWS =
            DescribedPredicate.describe("are views (components of a feature)",
                    c -> isFeature(c) && c.isAssignableTo(Component.class));

    private static final DescribedPredicate<JavaClass> PRESENTERS =
            DescribedPredicate.describe("are presenters", c -> isFeature(c) && c.getSimpleName().endsWith("Presenter"));

    private static JavaClasses console;

    @BeforeAll
    static void importMainClasses() {
        console = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void shellDependsOnNoFeature() {
        noClasses().that().resideInAPackage(ROOT + ".shell..")
                .should().dependOnClassesThat(IN_A_FEATURE)
                .because("the shell is the frame of every feature; it reaches their pages by route, not by class")
                .allowEmptyShould(false)
                .check(console);
    }

    @Test
    void consolePackagesDependOnEachOtherWithoutCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles()
                .allowEmptyShould(false)
                .check(console);
    }

    @Test
    void viewsDependOnlyOnTheirPresentersTheShellI18nAndTheApi() {
        classes().that(VIEWS)
                .should(dependOnlyOnTheirFeatureAndShared())
                .allowEmptyShould(false)
                .check(console);
    }

    @Test
    void presentersDecideWithoutVaadinSoTheyAreTestedWithoutABrowser() {
        noClasses().that(PRESENTERS)
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .allowEmptyShould(false)
                .check(console);
    }

    @Test
    void nothingInTheConsoleReadsTheDatabase() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.postgresql..")
                .because("the console has no database connection; everything it shows comes through the API")
                .allowEmptyShould(false)
                .check(console);
    }

    private static ArchCondition<JavaClass> dependOnlyOnTheirFeatureAndShared() {
        return new ArchCondition<>("depend only on their own feature (its presenter), shell, i18n and api"
                + "; the tenant page may also embed other features' components") {
            @Override
            public void check(JavaClass view, ConditionEvents events) {
                for (Dependency dependency : view.getDirectDependenciesFromSelf()) {
                    var target = dependency.getTargetClass();
                    if (!allowed(view, target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static boolean allowed(JavaClass view, JavaClass target) {
        String area = areaOf(target);
        if (area == null || SHARED.contains(area) || target.getPackageName().equals(view.getPackageName())) {
            return true;
        }
        return view.getName().startsWith(TENANT_PAGE) && isFeature(target) && target.isAssignableTo(Component.class);
    }

    private static boolean isFeature(JavaClass c) {
        String area = areaOf(c);
        return area != null && !area.isEmpty() && !SHARED.contains(area) && !area.equals(GENERATED_CLIENT);
    }

    /** The first package segment under the root, "" for the root itself, null outside the console. */
    private static String areaOf(JavaClass c) {
        String pkg = c.getPackageName();
        if (pkg.equals(ROOT)) {
            return "";
        }
        if (!pkg.startsWith(ROOT + ".")) {
            return null;
        }
        String rest = pkg.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
