import Liquid
import Testing
@testable import Templates

@Suite struct TranslationTests {
    static let catalog = TranslationCatalog(defaultLocale: "en", entries: [
        .init(locale: "en", content: ["greeting": "Hello", "only_en": "English only", "nav": ["home": "Home"],
                                       "liked": "{{ actorName }} liked {{ photo | upcase }}"]),
        .init(locale: "fr", content: ["greeting": "Bonjour", "only_fr": "Français seulement"]),
        .init(locale: "fr-CA", content: ["greeting": "Allô"]),
        .init(locale: "en", namespace: "billing", content: [
            "invoices": ["zero": "No invoices", "one": "One invoice", "other": "{{ count }} invoices"],
            "seats": ["one": "one seat", "other": "{{ count }} seats"],
        ]),
        .init(locale: "fr", namespace: "billing", content: ["invoices": ["one": "Une facture", "other": "{{ count }} factures"]]),
        .init(locale: "fr", tenant: "acme", content: ["greeting": "Salut de la part d'Acme"]),
        .init(locale: "en", tenant: "acme", content: ["only_en": "Acme English"]),
        .init(locale: "fr", namespace: "system", content: ["Thanks, {{ name }}!": "Merci, {{ name }} !"]),
    ])

    func render(_ source: String, locale: String? = nil, tenant: String? = nil, _ locals: [String: Value] = [:]) throws -> (String, [String]) {
        var env = KnockFlavour.environment(translations: Self.catalog)
        env.renderErrors = .raise
        let session = RenderSession()
        if let locale { session.attributes[KnockAttributes.locale] = .string(locale) }
        if let tenant { session.attributes[KnockAttributes.tenant] = .string(tenant) }
        let out = try env.parse(source).render(locals: locals, session: session)
        return (out, session.warnings)
    }

    func t(_ source: String, locale: String? = nil, tenant: String? = nil, _ locals: [String: Value] = [:]) throws -> String {
        try render(source, locale: locale, tenant: tenant, locals).0
    }

    @Test func localeFallbackEachStep() throws {
        #expect(try t("{{ 'greeting' | t }}", locale: "fr-CA") == "Allô")                  // region
        #expect(try t("{{ 'greeting' | t }}", locale: "fr-BE") == "Bonjour")               // language
        #expect(try t("{{ 'only_en' | t }}", locale: "fr-BE") == "English only")           // default locale
        #expect(try t("{{ 'greeting' | t }}") == "Hello")                                  // no locale
        #expect(try t("{{ 'greeting' | t }}", locale: "fr", tenant: "acme") == "Salut de la part d'Acme")  // tenant + language
        #expect(try t("{{ 'greeting' | t }}", locale: "fr-CA", tenant: "acme") == "Salut de la part d'Acme")  // tenant before region
        #expect(try t("{{ 'only_en' | t }}", locale: "fr", tenant: "acme") == "Acme English")  // tenant + default locale
        #expect(try t("{{ 'only_fr' | t }}", locale: "fr", tenant: "acme") == "Français seulement")  // tenant file falls through
        #expect(try t("{{ 'greeting' | t }}", locale: "en_us") == "Hello")                  // normalized code
    }

    @Test func pathsAndNamespaces() throws {
        #expect(try t("{{ 'nav.home' | t }}") == "Home")
        #expect(try t("{{ 'billing:seats' | t: count: 2 }}") == "2 seats")
        #expect(try t("{{ 'billing:invoices' | t: count: 1 }}", locale: "fr") == "Une facture")
    }

    @Test func plurals() throws {
        #expect(try t("{{ 'billing:invoices' | t: count: 0 }}") == "No invoices")
        #expect(try t("{{ 'billing:invoices' | t: count: 1 }}") == "One invoice")
        #expect(try t("{{ 'billing:invoices' | t: count: 7 }}") == "7 invoices")
        #expect(try t("{{ 'billing:seats' | t: count: 0 }}") == "0 seats")        // no zero form → other
        #expect(try t("{{ 'billing:invoices' | t: count: 0 }}", locale: "fr") == "0 factures")
    }

    @Test func interpolationAndFiltersAfter() throws {
        #expect(try t("{{ 'liked' | t: actorName: actor.name, photo: 'sunset' }}", ["actor": ["name": "Ada"]]) == "Ada liked SUNSET")
        #expect(try t("{{ 'greeting' | t | upcase }}") == "HELLO")
    }

    @Test func missingKeysGiveNilAndAWarning() throws {
        let (out, warnings) = try render("[{{ 'nope.missing' | t }}]{{ 'nope' | t | default: 'Hi' }}", locale: "de")
        #expect(out == "[]Hi")
        #expect(warnings.count == 2)
        #expect(warnings.first?.contains("nope.missing") == true)
    }

    @Test func tTag() throws {
        #expect(try t("{% t %}Thanks, {{ name }}!{% endt %}", locale: "fr", ["name": "Léa"]) == "Merci, Léa !")
        #expect(try t("{% t %}Thanks, {{ name }}!{% endt %}", locale: "en", ["name": "Ann"]) == "Thanks, Ann!")
        let (out, warnings) = try render("{% t %}Untranslated {{ name }}{% endt %}", locale: "fr", ["name": "x"])
        #expect(out == "Untranslated x")
        #expect(warnings.count == 1)
        #expect(throws: LiquidError.self) { try t("{% t key %}x{% endt %}") }
    }
}
