package com.kakehashi.architecture;

import com.kakehashi.Application;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.http.annotation.Controller;
import io.micronaut.multitenancy.tenantresolver.TenantResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The lines the style guide draws between packages, kept by the build. Hand-written main code only. */
class ArchitectureTest {

    private static final String ROOT = "com.kakehashi";
    private static final String TENANCY = "com.kakehashi.tenancy..";
    private static final String WEB = "com.kakehashi.web..";

    /** Micronaut's generated bean definitions and intercepted subclasses are named $Something. */
    private static final DescribedPredicate<JavaClass> HAND_WRITTEN =
            DescribedPredicate.describe("hand-written", c -> !c.getSimpleName().startsWith("$") && !c.getName().contains(".$"));

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT)
                .that(HAND_WRITTEN);
    }

    @Test
    void onlyTheTenancyPackageTouchesPropagatedContext() {
        noClasses().that().resideOutsideOfPackage(TENANCY)
                .should().dependOnClassesThat().areAssignableTo(PropagatedContext.class)
                .because("the tenant travels in the propagated context, and only tenancy may put it there or read it")
                .allowEmptyShould(false)
                .check(main);
    }

    @Test
    void onlyTheTenancyPackageDefinesPropagatedContextElements() {
        noClasses().that().resideOutsideOfPackage(TENANCY)
                .should().implement(PropagatedContextElement.class)
                .allowEmptyShould(false)
                .check(main);
    }

    @Test
    void onlyTheTenancyPackageResolvesTenants() {
        noClasses().that().resideOutsideOfPackage(TENANCY)
                .should().dependOnClassesThat().areAssignableTo(TenantResolver.class)
                .allowEmptyShould(false)
                .check(main);
        classes().that().implement(TenantResolver.class).should().resideInAPackage(TENANCY)
                .allowEmptyShould(false)
                .check(main);
    }

    /**
     * The tenant setting is transaction-scoped: it is written when a transaction begins on a newly
     * borrowed connection (RowLevelSecurityCustomizer). A bare connection scope, or a transaction
     * opened by hand inside one, begins without that hook, and plain SQL in it would see no tenant.
     */
    @Test
    void noCodeOpensAConnectionScopeOrATransactionByHand() {
        noClasses().that().resideOutsideOfPackage(TENANCY)
                .should().dependOnClassesThat().haveFullyQualifiedName("io.micronaut.data.connection.annotation.Connectable")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.micronaut.data.connection.ConnectionOperations")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.micronaut.data.connection.SynchronousConnectionManager")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.micronaut.transaction.SynchronousTransactionManager")
                .check(main);
    }

    /** SQL text is not visible to ArchUnit, but it is in the class files' constant pools. */
    @Test
    void onlyTheTenancyPackageWritesTheTenantSetting() throws IOException, URISyntaxException {
        Path classes = Path.of(Application.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path tenancy = classes.resolve("com/kakehashi/tenancy");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(classes)) {
            offenders = files.filter(p -> p.toString().endsWith(".class"))
                    .filter(p -> !p.startsWith(tenancy))
                    .filter(p -> mentions(p, "set_config") || mentions(p, "app.tenant_id"))
                    .map(p -> classes.relativize(p).toString())
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }

    private static boolean mentions(Path classFile, String text) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void controllersDoNotAccessRepositoriesOrJdbc() {
        noClasses().that().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().areAnnotatedWith(JdbcRepository.class)
                .orShould().dependOnClassesThat().areAssignableTo(GenericRepository.class)
                .orShould().dependOnClassesThat().areAssignableTo(JdbcOperations.class)
                .orShould().dependOnClassesThat().resideInAPackage("java.sql..")
                .because("controllers translate HTTP; services decide; repositories stay inside their feature")
                .allowEmptyShould(false)
                .check(main);
    }

    @Test
    void repositoriesAreUsedOnlyWithinTheirOwnPackage() {
        classes().that().areAnnotatedWith(JdbcRepository.class)
                .should(beUsedOnlyFromTheirOwnPackage())
                .allowEmptyShould(false)
                .check(main);
    }

    private static ArchCondition<JavaClass> beUsedOnlyFromTheirOwnPackage() {
        return new ArchCondition<>("be used only from their own package") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
                    JavaClass user = dependency.getOriginClass();
                    if (!user.getPackageName().equals(repository.getPackageName()) && HAND_WRITTEN.test(user)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    @Test
    void webPackageDependsOnNoFeature() {
        noClasses().that().resideInAPackage(WEB)
                .should().dependOnClassesThat(DescribedPredicate.describe("are in a feature package",
                        c -> c.getPackageName().startsWith(ROOT + ".") && !c.getPackageName().startsWith(ROOT + ".web")))
                .because("web holds the HTTP plumbing every feature uses, so it cannot know any of them")
                .allowEmptyShould(false)
                .check(main);
    }

    /** A cycle between features means neither can change alone; events and owner services break them. */
    @Test
    void featurePackagesFormNoCycles() {
        slices().matching(ROOT + ".(*)..")
                .should().beFreeOfCycles()
                .check(main);
    }

    @Test
    void featureCodeNeverCallsTheTenantFilterOrConnectionHookDirectly() {
        noClasses().that().resideOutsideOfPackage(TENANCY)
                .should().dependOnClassesThat().haveSimpleName("RowLevelSecurityCustomizer")
                .orShould().dependOnClassesThat().haveSimpleName("TenantAccessFilter")
                .orShould().dependOnClassesThat().haveSimpleName("CurrentTenant")
                .allowEmptyShould(false)
                .check(main);
    }

    /*
     * One clock. Fully qualified names below keep this block self-contained (the imports above are
     * shared with other rules). Being rewritten on branch h10-pipeline, and therefore still reading
     * the system clock: delete these entries once that branch is merged.
     */

    /** Tests travel in time through one bean; a second source of "now" would not travel with them. */
    @Test
    void everyNowComesFromTheInjectedClock() {
        List<Class<?>> temporals = List.of(java.time.Instant.class, java.time.LocalDate.class, java.time.LocalDateTime.class,
                java.time.LocalTime.class, java.time.OffsetDateTime.class, java.time.ZonedDateTime.class,
                java.time.Year.class, java.time.YearMonth.class);
        DescribedPredicate<com.tngtech.archunit.core.domain.JavaCall<?>> readsTheSystemClock = DescribedPredicate.describe(
                "read the system clock (now() without the injected Clock, Clock.system*(), System.currentTimeMillis(), new Date())",
                call -> {
                    var target = call.getTarget();
                    String owner = target.getOwner().getName();
                    String name = target.getName();
                    boolean nowWithoutClock = name.equals("now") && temporals.stream().anyMatch(t -> t.getName().equals(owner))
                            && target.getRawParameterTypes().stream().noneMatch(p -> p.isEquivalentTo(java.time.Clock.class));
                    boolean systemClock = owner.equals(java.time.Clock.class.getName())
                            && (name.equals("systemUTC") || name.equals("systemDefaultZone") || name.equals("system"));
                    boolean wallMillis = owner.equals(System.class.getName()) && name.equals("currentTimeMillis");
                    boolean newDate = owner.equals(java.util.Date.class.getName()) && name.equals("<init>")
                            && target.getRawParameterTypes().isEmpty();
                    return nowWithoutClock || systemClock || wallMillis || newDate;
                });
        noClasses().that().doNotHaveFullyQualifiedName("com.kakehashi.scheduling.ClockFactory")
                .should().callCodeUnitWhere(readsTheSystemClock)
                .because("every now comes from the injected java.time.Clock (scheduling/ClockFactory), which tests replace")
                .check(main);
    }

    /**
     * SQL takes "now" as a parameter from the same clock. The whole statement text is checked, not
     * only WHERE clauses: telling a decision from bookkeeping would need an SQL parser, and a
     * timestamp written from the database's clock is compared with the application's soon enough.
     * Liquibase files keep {@code DEFAULT now()} on insert-only bookkeeping columns; no rule reads them.
     */
    @Test
    void sqlInJavaNeverReadsTheDatabaseClock() throws IOException, URISyntaxException {
        Path classes = Path.of(Application.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        java.util.regex.Pattern databaseClock = java.util.regex.Pattern.compile(
                "\\bnow\\(\\)|\\bcurrent_(timestamp|date|time)\\b|\\blocaltimestamp\\b|\\b(clock|statement|transaction)_timestamp\\(");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(classes)) {
            offenders = files.filter(p -> p.toString().endsWith(".class"))
                    .filter(p -> {
                        try {
                            String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
                            return databaseClock.matcher(text).find();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .map(p -> classes.relativize(p).toString())
                    .toList();
        }
        assertThat(offenders).as("classes whose SQL reads the database clock").isEmpty();
    }
}
