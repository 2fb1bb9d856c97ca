import Liquid
import Testing
@testable import Templates

/// The example project renders through Knock's flavour: partials, translations, layouts, vars.
@Suite struct ProjectRenderTests {
    static let root: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path
    }()

    func sample(_ workflow: String, _ project: Project) throws -> RunScope {
        let s = try #require(project.samples[workflow])
        var scope = RunScope()
        scope.data = s.data
        scope.recipient = s.recipient.map(Value.object) ?? .nil
        scope.actor = s.actor.map(Value.object) ?? .nil
        scope.tenant = s.tenant.map(Value.object) ?? .nil
        return scope
    }

    @Test func mentionEmailInFrenchWithTheDefaultLayout() throws {
        let project = try Project.load(root: Self.root)
        let source = try #require(readText(Self.root + "/templates/mention/email_1/html_body.html"))
        let out = try project.render(source: source, name: "mention/html_body", scope: sample("mention", project),
                                     locale: "fr", layoutKey: "default")
        #expect(out.output.contains("Bonjour Ada"))
        #expect(out.output.hasPrefix("<!DOCTYPE html>"))
        #expect(out.output.contains("https://assets.beacon.dev/logo.png"))   // vars from missive.json
        #expect(out.output.contains(".comment-card {"))                        // partial style hoisted
        #expect(out.text?.contains("Bonjour Ada") == true)
        #expect(out.warnings.isEmpty, "\(out.warnings)")
    }

    @Test func unknownLayoutIsAnError() throws {
        let project = try Project.load(root: Self.root)
        #expect(throws: LiquidError.self) { try project.render(source: "x", name: "x", scope: RunScope(), layoutKey: "nope") }
    }

    func readText(_ path: String) -> String? { FileBytes.readString(path) }
}

#if canImport(Glibc)
import Glibc
#endif

@Suite struct TranslationExtractionTests {
    @Test func tTagStringsOfTheExampleProject() throws {
        let project = try Project.load(root: ProjectRenderTests.root)
        let strings = project.translationTagStrings()
        #expect(strings.contains("Welcome to Beacon, {{ data.first_name }}"))
        #expect(Set(strings).count == strings.count)
        let update = project.systemTranslationsUpdate()
        #expect(update.path == "translations/en/system.en.json")
        #expect(update.added == 0, "the example's system.en.json is up to date")
        for s in strings { #expect(update.content[s] == .string(s)) }
    }
}
