import Foundation
import Liquid
import Testing
@testable import Templates

/// A project folder in /tmp for one test, removed afterwards.
final class TempProject {
    let root: String

    init() {
        root = NSTemporaryDirectory() + "missive-project-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func write(_ path: String, _ text: String) {
        let full = root + "/" + path
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        try! text.write(toFile: full, atomically: false, encoding: .utf8)
    }

    func remove(_ path: String) { try! FileManager.default.removeItem(atPath: root + "/" + path) }

    func symlink(_ path: String, to destination: String) {
        try! FileManager.default.createSymbolicLink(atPath: root + "/" + path, withDestinationPath: destination)
    }

    func load() throws -> Project { try Project.load(root: root) }

    /// A minimal valid workflow with one SMS step whose body is in a file.
    func smsWorkflow(_ key: String, body: String = "Hi {{ recipient.name }}") {
        write("templates/\(key)/workflow.json", """
            {
              "name": "\(key)",
              "steps": [
                {"ref": "sms_1", "type": "channel", "channel_key": "twilio", "channel_type": "sms",
                 "template": {"text_body@": "sms_1/text_body.txt"}}
              ]
            }
            """)
        write("templates/\(key)/sms_1/text_body.txt", body)
    }
}

/// The repository root, where the example project lives.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

extension Project {
    func problems(in file: String) -> [Problem] { problems.filter { $0.file == file } }
}

@Suite("Project: the example project")
struct ExampleProjectTests {
    let project: Project

    init() throws { project = try Project.load(root: repositoryRoot) }

    @Test func loadsAndChecksWithoutProblems() {
        #expect(project.problems.map(\.description) == [])
        #expect(project.check().map(\.description) == [])
        #expect(project.config.file == "missive.json")
    }

    @Test func hasTheWorkflowsOfARealProduct() {
        let expected: Set = ["new-comment", "mention", "team-invite", "password-reset", "weekly-digest", "payment-failed",
                             "incident-alert", "welcome-sequence", "trial-ending"]
        #expect(expected.isSubset(of: Set(project.workflows.keys)))
        #expect(Set(project.samples.keys) == Set(project.workflows.keys), "every workflow has a sample.json")
        for sample in project.samples.values {
            #expect(sample.recipient?["email"] != nil, "\(sample.file) has a recipient email")
            #expect(sample.actor != nil && sample.tenant != nil, "\(sample.file) has an actor and a tenant")
        }
    }

    @Test func usesEveryStepTypeAndChannelType() {
        let steps = project.workflows.values.flatMap(\.allSteps)
        let types = Set(steps.map(\.type))
        #expect(types == ["channel", "batch", "delay", "branch", "throttle", "http_fetch", "trigger_workflow", "update_data"])
        let channels = Set(steps.compactMap { step -> ChannelType? in
            if case .channel(let c) = step { return c.channelType }
            return nil
        })
        #expect(channels == [.email, .sms, .push, .chat, .inAppFeed, .http])
    }

    @Test func typedStepsCarryTheirSettings() throws {
        let comment = try #require(project.workflows["new-comment"])
        guard case .batch(let batch) = comment.steps[0] else { Issue.record("first step is a batch"); return }
        #expect(batch.batchKey == "data.page_id")
        #expect(batch.window == Duration(unit: .minutes, value: 10))
        #expect(batch.windowType == .sliding && batch.order == .desc && batch.itemsRenderLimit == 5)

        let incident = try #require(project.workflows["incident-alert"])
        guard case .throttle(let throttle) = incident.steps[0], case .branch(let branch) = incident.steps[1] else {
            Issue.record("incident-alert starts with throttle then branch"); return
        }
        #expect(throttle.limit == 3 && throttle.key == "data.service_id")
        #expect(branch.branches.map(\.name) == ["Critical", "Major", "Minor"])
        #expect(branch.branches.last?.terminates == true && branch.branches.last?.conditions == nil)
        #expect(branch.branches[0].steps.map(\.ref) == ["push_1", "sms_1", "chat_1"])
        #expect(incident.step(ref: "chat_1") != nil, "steps inside branches are found by ref")

        let welcome = try #require(project.workflows["welcome-sequence"])
        guard case .httpFetch(let fetch) = welcome.steps[0], case .triggerWorkflow(let trigger) = welcome.steps.last! else {
            Issue.record("welcome-sequence fetches first and triggers last"); return
        }
        #expect(fetch.method == "get" && fetch.responsePath == "onboarding")
        #expect(fetch.headers.first?.key == "Authorization")
        #expect(trigger.workflowKey == "trial-ending" && project.workflows[trigger.workflowKey] != nil)
        #expect(welcome.triggerFrequency == .oncePerRecipientPerTenant)
    }

    @Test func layoutsPartialsAndTranslations() throws {
        let branded = try #require(project.layouts["branded"])
        #expect(branded.htmlLayout?.contains("{{ content }}") == true)
        #expect(branded.htmlLayout?.contains("vars.branding.primary_color") == true)
        #expect(branded.brandingOverrides?["primary_color"]?.stringValue == "#4f46e5")
        #expect(project.layouts["default"]?.footerLinks.count == 3)

        #expect(Set(project.partials.values.map(\.type)) == Set(Partial.Kind.allCases))
        #expect(project.partials["button"]?.content.contains("<style>") == true)

        for locale in ["en", "fr", "de"] {
            #expect(project.translations[TranslationID(locale: locale)] != nil)
            #expect(project.translations[TranslationID(locale: locale, namespace: "billing")] != nil)
        }
        let billing = try #require(project.translations[TranslationID(locale: "fr", namespace: "billing")])
        guard case .object(let trial)? = billing.content["trial"], case .object(let daysLeft)? = trial["days_left"] else {
            Issue.record("billing.fr has trial.days_left"); return
        }
        #expect(daysLeft.keys == ["zero", "one", "other"])
    }

    @Test func everyTemplateParsesWithKnocksFlavour() throws {
        let env = KnockFlavour.environment(partials: project.partialLoader)
        var count = 0
        for workflow in project.workflows.values {
            for step in workflow.allSteps {
                for field in step.liquidFields {
                    _ = try env.parse(field.source, name: field.location.file)
                    count += 1
                }
            }
        }
        #expect(count > 100)
    }
}

@Suite("Project: @ file references")
struct FileReferenceTests {
    @Test func resolvesReferencesRelativeToTheFileThatHoldsThem() throws {
        let project = try Project.load(root: repositoryRoot)
        let comment = try #require(project.workflows["new-comment"])
        guard case .channel(let email) = comment.steps[3] else { Issue.record("email step"); return }
        guard case .array(let blocks)? = email.template["visual_blocks"], case .object(let first) = blocks[0] else {
            Issue.record("visual_blocks.json is decoded"); return
        }
        let expected = try String(contentsOfFile: repositoryRoot + "/templates/new-comment/email_1/visual_blocks/1.content.md",
                                  encoding: .utf8)
        #expect(first["content"]?.stringValue == expected)
        #expect(first["content@"] == nil)
        let source = try #require(email.info.sources["template.visual_blocks[0].content"])
        #expect(source.file == "templates/new-comment/email_1/visual_blocks/1.content.md" && source.isWholeFile)
        #expect(email.info.sources["template.subject"]?.file == "templates/new-comment/workflow.json")

        let payment = try #require(project.workflows["payment-failed"])
        guard case .channel(let webhook) = payment.steps[2] else { Issue.record("webhook step"); return }
        #expect(webhook.template["body"]?.stringValue?.hasPrefix("{\n  \"event\"") == true, "json files other than visual_blocks.json stay text")
    }

    @Test func settingsReferencesAndDotSlashPaths() throws {
        let p = TempProject()
        p.write("templates/digest/workflow.json", """
            {"name": "Digest", "steps": [{"ref": "email_1", "type": "channel", "channel_key": "pm", "channel_type": "email",
              "template": {"subject": "Hi", "html_body@": "./email_1/body.html",
                           "settings": {"layout_key": "default", "pre_content@": "email_1/settings/pre_content.txt"}}}]}
            """)
        p.write("templates/digest/email_1/body.html", "<p>{{ week }}</p>")
        p.write("templates/digest/email_1/settings/pre_content.txt", "{% assign week = 'W35' %}")
        let project = try p.load()
        #expect(project.problems.isEmpty, "\(project.problems)")
        guard case .channel(let email)? = project.workflows["digest"]?.steps.first,
              case .object(let settings)? = email.template["settings"] else { Issue.record("email step"); return }
        #expect(email.template["html_body"]?.stringValue == "<p>{{ week }}</p>")
        #expect(settings["pre_content"]?.stringValue == "{% assign week = 'W35' %}")
    }

    @Test func referencesNestAtMostTwoLevels() throws {
        let p = TempProject()
        p.write("templates/deep/workflow.json", """
            {"name": "Deep", "steps": [{"ref": "email_1", "type": "channel", "channel_key": "pm", "channel_type": "email",
              "template": {"subject": "Hi", "visual_blocks@": "email_1/visual_blocks.json"}}]}
            """)
        p.write("templates/deep/email_1/visual_blocks.json", """
            [{"type": "markdown", "content@": "one.md"},
             {"type": "markdown", "content@": "inner/visual_blocks.json"}]
            """)
        p.write("templates/deep/email_1/one.md", "one")
        p.write("templates/deep/email_1/inner/visual_blocks.json", #"[{"type": "markdown", "content@": "x.md"}]"#)
        p.write("templates/deep/email_1/inner/x.md", "x")
        let project = try p.load()
        let problem = try #require(project.problems.first { $0.message.contains("nest deeper") })
        #expect(problem.file == "templates/deep/email_1/inner/visual_blocks.json")
        #expect(problem.jsonPath == "steps[0].template.visual_blocks[1].content[0].content@")
    }
}

@Suite("Project: Knock CLI folders")
struct KnockCLILayoutTests {
    @Test func loadsAFolderSetUpByKnocksCLI() throws {
        let p = TempProject()
        p.write("knock.json", #"{"knockDir": "./knock"}"#)
        p.write("knock/workflows/order-shipped/workflow.json", """
            {"name": "Order shipped", "steps": [{"ref": "email_1", "type": "channel", "channel_key": "sendgrid",
              "channel_type": "email", "template": {"subject": "Shipped", "html_body@": "email_1/html_body.html",
              "settings": {"layout_key": "default"}}}],
             "__readonly": {"key": "order-shipped", "environment": "development", "active": true},
             "$schema": "https://schemas.knock.app/cli/workflow.json"}
            """)
        p.write("knock/workflows/order-shipped/email_1/html_body.html", "{% render 'footer' %}")
        p.write("knock/layouts/default/layout.json", #"{"name": "Default", "html_layout@": "html_layout.html", "text_layout": "{{ content }}"}"#)
        p.write("knock/layouts/default/html_layout.html", "<html><body>{{ content }}</body></html>")
        p.write("knock/partials/footer/partial.json", #"{"name": "Footer", "type": "html"}"#)
        p.write("knock/partials/footer/content.html", "<footer>Acme</footer>")
        p.write("knock/translations/en/en.json", #"{"hello": "Hello"}"#)
        p.write("knock/translations/en-GB/admin.en-GB.json", #"{"colour": "Colour"}"#)
        let project = try p.load()
        #expect(project.config.kind == .knockCLI)
        #expect(project.config.templates == "knock/workflows")
        #expect(project.check().isEmpty, "\(project.check())")
        #expect(project.workflows["order-shipped"]?.name == "Order shipped")
        #expect(project.partials["footer"]?.content == "<footer>Acme</footer>", "content.<ext> by type when content@ is absent")
        #expect(project.translations[TranslationID(locale: "en-GB", namespace: "admin")]?.content["colour"]?.stringValue == "Colour")
    }

    @Test func missiveJSONNamesTheFolders() throws {
        let p = TempProject()
        p.write("missive.json", #"{"templates": "notifications", "default_locale": "fr"}"#)
        p.smsWorkflow("hello")
        p.write("notifications/hello/workflow.json", #"{"name": "Hello", "steps": []}"#)
        let project = try p.load()
        #expect(project.config.defaultLocale == "fr")
        #expect(Array(project.workflows.keys) == ["hello"])
        #expect(project.workflows["hello"]?.file == "notifications/hello/workflow.json")
    }

    @Test func configuredFoldersStayInsideTheProject() throws {
        let p = TempProject()
        p.write("missive.json", #"{"templates": "../elsewhere", "layouts": "/etc", "default_locale": "english"}"#)
        let project = try p.load()
        let messages = project.problems(in: "missive.json").map(\.message)
        #expect(messages.contains("folder '../elsewhere' may not contain '..'"))
        #expect(messages.contains("folder '/etc' must be a relative path"))
        #expect(messages.contains { $0.contains("'english' is not a locale code") })
        #expect(project.config.templates == "templates")
    }
}

@Suite("Project: problems")
struct ProblemTests {
    @Test func badJSONGivesLineAndColumn() throws {
        let p = TempProject()
        p.write("templates/broken/workflow.json", "{\n  \"name\": \"Broken\",\n  \"steps\": [\n    {\"ref\": \"a\",}\n  ]\n}\n")
        let project = try p.load()
        let problem = try #require(project.problems.first)
        #expect(problem.severity == .error)
        #expect(problem.file == "templates/broken/workflow.json")
        #expect(problem.line == 4 && problem.column == 17)
        #expect(problem.message == "invalid JSON: trailing comma before '}'")
        #expect(project.workflows["broken"] == nil)
    }

    @Test func unknownKeysWarnWithTheLineOfTheKey() throws {
        let p = TempProject()
        p.write("templates/typo/workflow.json", """
            {
              "name": "Typo",
              "stpes": [],
              "steps": [
                {"ref": "sms_1", "type": "channel", "channel_key": "twilio", "channel_type": "sms",
                 "template": {"text_body": "Hi", "text_bdy": "Hi"}}
              ]
            }
            """)
        let project = try p.load()
        let warnings = project.problems.filter { $0.severity == .warning }
        #expect(warnings.map(\.jsonPath) == ["stpes", "steps[0].template.text_bdy"])
        #expect(warnings.map(\.line) == [3, 6])
        #expect(warnings[1].column == 38)
        #expect(warnings[1].description == "templates/typo/workflow.json:6:38: warning: unknown key 'text_bdy' in a sms template (at steps[0].template.text_bdy)")
        #expect(project.errors.isEmpty)
    }

    @Test func wrongTypesAndValuesAreErrorsAtTheirKey() throws {
        let p = TempProject()
        p.write("templates/types/workflow.json", """
            {"name": "Types", "trigger_frequency": "sometimes", "steps": [
              {"ref": "d", "type": "delay", "settings": {"delay_for": {"unit": "fortnights", "value": 2}}},
              {"ref": "d", "type": "batch", "settings": {"batch_window": {"unit": "minutes", "value": "ten"}}},
              {"ref": "w", "type": "wait_for_event", "settings": {}}
            ]}
            """)
        let project = try p.load()
        let messages = project.problems.map(\.message)
        #expect(messages.contains("'trigger_frequency' must be one of 'every_trigger', 'once_per_recipient', 'once_per_recipient_per_tenant', not 'sometimes'"))
        #expect(messages.contains { $0.hasPrefix("'unit' must be one of 'seconds'") })
        #expect(messages.contains("'value' must be a whole number, not a string"))
        #expect(messages.contains("step ref 'd' is already used at line 2; refs must be unique in a workflow"))
        #expect(messages.contains("step type 'wait_for_event' is not supported by Missive; the step will be skipped"))
        let steps = try #require(project.workflows["types"]?.steps)
        #expect(steps.map(\.type) == ["delay", "batch", "wait_for_event"])
    }

    @Test func keysThatBecomePathsAreValidated() throws {
        let p = TempProject()
        p.write("templates/Welcome Email/workflow.json", #"{"name": "x", "steps": []}"#)
        p.write("partials/Footer/partial.json", #"{"name": "x", "type": "text", "content": "x"}"#)
        p.write("translations/english/english.json", "{}")
        p.write("translations/fr/en.json", "{}")
        p.write("translations/fr/Billing.fr.json", "{}")
        let project = try p.load()
        let byFile = Dictionary(grouping: project.problems, by: \.file)
        #expect(byFile["templates/Welcome Email"]?.first?.message == "workflow key 'Welcome Email' may contain only lowercase letters, digits, '_' and '-'; the folder is skipped")
        #expect(byFile["partials/Footer"]?.first?.severity == .error)
        #expect(byFile["translations/english"]?.first?.message.contains("not a locale code") == true)
        #expect(byFile["translations/fr/en.json"]?.first?.message == "the file names locale 'en' but is in the folder of 'fr'; it is skipped")
        #expect(byFile["translations/fr/Billing.fr.json"]?.first?.severity == .error)
        #expect(project.workflows.isEmpty && project.partials.isEmpty && project.translations.isEmpty)
    }

    @Test func parentPathsAndAbsolutePathsAreRefused() throws {
        let p = TempProject()
        p.write("secret.txt", "password")
        p.write("templates/escape/workflow.json", """
            {"name": "Escape", "steps": [{"ref": "sms_1", "type": "channel", "channel_key": "t", "channel_type": "sms",
              "template": {"text_body@": "../../secret.txt", "settings": {"to_number@": "/etc/passwd"}}}]}
            """)
        let project = try p.load()
        let errors = project.errors
        #expect(errors.map(\.message) == ["file path '../../secret.txt' may not contain '..'", "file path '/etc/passwd' must be a relative path"])
        #expect(errors[0].jsonPath == "steps[0].template.text_body@" && errors[0].line == 2)
        #expect(!project.problems.contains { $0.message.contains("missing 'text_body'") }, "a failed reference is not also reported missing")
    }

    @Test func symlinksOutOfTheProjectAreRefused() throws {
        let outside = TempProject()
        outside.write("secret.txt", "password")
        let p = TempProject()
        p.smsWorkflow("leak")
        p.remove("templates/leak/sms_1/text_body.txt")
        p.symlink("templates/leak/sms_1/text_body.txt", to: outside.root + "/secret.txt")
        p.symlink("templates/linked", to: outside.root)
        let project = try p.load()
        let leak = try #require(project.problems(in: "templates/leak/workflow.json").first)
        #expect(leak.message == "file path 'sms_1/text_body.txt' resolves outside the project folder (through a symlink)")
        #expect(!project.problems.contains { $0.message.contains("password") })
        guard case .channel(let sms)? = project.workflows["leak"]?.steps.first else { Issue.record("sms step"); return }
        #expect(sms.template["text_body"] == nil)
        // A linked folder is listed, but nothing in it is read.
        #expect(project.workflows["linked"] == nil)
        #expect(project.problems(in: "templates/linked").first?.message == "the folder resolves outside the project folder (through a symlink); it is skipped")
    }

    @Test func missingReferencedFile() throws {
        let p = TempProject()
        p.smsWorkflow("gone")
        p.remove("templates/gone/sms_1/text_body.txt")
        let project = try p.load()
        #expect(project.problems.map(\.description) == [
            "templates/gone/workflow.json:5:19: error: 'templates/gone/sms_1/text_body.txt' does not exist (at steps[0].template.text_body@)",
        ])
    }

    @Test func missingPartialLayoutAndWorkflowAreFoundByCheck() throws {
        let p = TempProject()
        p.write("templates/welcome/workflow.json", """
            {"name": "Welcome", "steps": [
              {"ref": "email_1", "type": "channel", "channel_key": "pm", "channel_type": "email",
               "template": {"subject": "Hi", "html_body@": "email_1/html_body.html", "settings": {"layout_key": "fancy"}}},
              {"ref": "next", "type": "trigger_workflow", "settings": {"workflow_key": "nudge"}}
            ]}
            """)
        p.write("templates/welcome/email_1/html_body.html", "<p>Hi</p>\n  {% render 'cta', url: vars.app_url %}\n")
        let project = try p.load()
        #expect(project.problems.isEmpty)
        let found = project.check().map(\.description)
        #expect(found == [
            "templates/welcome/email_1/html_body.html:2:3: error: partial 'cta' does not exist (at steps[0].template.html_body)",
            "templates/welcome/workflow.json:3:101: error: layout 'fancy' does not exist (at steps[0].template.settings.layout_key)",
            "templates/welcome/workflow.json:4:76: warning: workflow 'nudge' does not exist in this project (at steps[1].settings.workflow_key)",
        ])
    }

    @Test func liquidSyntaxErrorsPointIntoTheTemplateFile() throws {
        let p = TempProject()
        p.smsWorkflow("broken", body: "Hello\n{% if recipient.name %}\n  {{ recipient.name }\n{% endif %}\n")
        p.write("templates/inline/workflow.json", """
            {"name": "Inline", "steps": [
              {"ref": "push_1", "type": "channel", "channel_key": "apns", "channel_type": "push",
               "template": {"title": "Hi {% unless %}", "text_body": "ok"}}]}
            """)
        p.write("layouts/plain/layout.json", #"{"name": "Plain", "html_layout": "<html>{{ body }}</html>"}"#)
        p.write("partials/bad/partial.json", #"{"name": "Bad", "type": "text", "content@": "content.txt"}"#)
        p.write("partials/bad/content.txt", "{% include 'other' %}")
        let project = try p.load()
        let problems = project.check()
        let inFile = try #require(problems.first { $0.file == "templates/broken/sms_1/text_body.txt" })
        #expect(inFile.line == 3 && inFile.column == 3)
        #expect(inFile.jsonPath == "steps[0].template.text_body")
        #expect(inFile.message.hasPrefix("Liquid syntax error: "))
        let inline = try #require(problems.first { $0.file == "templates/inline/workflow.json" })
        #expect(inline.line == 3 && inline.column == 30, "at the {% of the tag inside the JSON string")
        #expect(inline.jsonPath == "steps[0].template.title")
        let layout = try #require(problems.first { $0.file == "layouts/plain/layout.json" })
        #expect(layout.message == "html_layout must output {{ content }}, where the message body goes")
        let partial = try #require(problems.first { $0.file == "partials/bad/content.txt" })
        #expect(partial.message.contains("'include' is not available"))
    }

    @Test func untrustedInputNeverCrashes() throws {
        let p = TempProject()
        let nasty = ["", "null", "[]", "\"x\"", String(repeating: "[", count: 10_000), "{\"steps\": {\"a\": 1}}",
                     "{\"name\": 5, \"steps\": [1, null, {\"type\": 3}, {\"type\": \"branch\", \"ref\": \"b\", \"branches\": [{\"steps\": \"x\"}]}]}",
                     "\u{FEFF}{\"name\": \"\\ud800\"}", "{\"a\": \"\u{1}\"}"]
        for (i, text) in nasty.enumerated() { p.write("templates/w\(i)/workflow.json", text) }
        let project = try p.load()
        #expect(project.errors.count >= nasty.count - 1)
        _ = project.check()
    }
}

@Suite("Project: reload(file:)")
struct ReloadTests {
    func project() throws -> (TempProject, Project) {
        let p = TempProject()
        p.smsWorkflow("alpha")
        p.smsWorkflow("beta")
        p.write("partials/sig/partial.json", #"{"name": "Sig", "type": "text", "content@": "content.txt"}"#)
        p.write("partials/sig/content.txt", "-- Acme")
        p.write("translations/en/en.json", #"{"hi": "Hi"}"#)
        return (p, try p.load())
    }

    @Test func reReadsOnlyTheChangedTemplateFile() throws {
        var (p, project) = try project()
        #expect(project.problems.isEmpty)
        p.write("templates/alpha/sms_1/text_body.txt", "Hello {{ recipient.name }}!")
        let readsBefore = project.files.diskReads.count
        let changed = project.reload(file: "templates/alpha/sms_1/text_body.txt")
        #expect(changed == [.workflow("alpha")])
        #expect(Array(project.files.diskReads.dropFirst(readsBefore)) == ["templates/alpha/sms_1/text_body.txt"])
        guard case .channel(let sms)? = project.workflows["alpha"]?.steps.first else { Issue.record("sms"); return }
        #expect(sms.template["text_body"]?.stringValue == "Hello {{ recipient.name }}!")
    }

    @Test func unchangedContentChangesNothing() throws {
        var (p, project) = try project()
        #expect(project.reload(file: "templates/beta/sms_1/text_body.txt") == [])
        #expect(project.reload(file: "templates/beta/unused.txt") == [])
        withExtendedLifetime(p) {}
    }

    @Test func workflowJSONEditsAndNewReferencedFiles() throws {
        var (p, project) = try project()
        p.write("templates/beta/workflow.json", """
            {"name": "Beta 2", "steps": [{"ref": "sms_1", "type": "channel", "channel_key": "twilio", "channel_type": "sms",
              "template": {"text_body@": "sms_1/new.txt"}}]}
            """)
        #expect(project.reload(file: p.root + "/templates/beta/workflow.json") == [.workflow("beta")], "absolute paths work too")
        #expect(project.workflows["beta"]?.name == "Beta 2")
        #expect(project.problems.map(\.message) == ["'templates/beta/sms_1/new.txt' does not exist"])
        p.write("templates/beta/sms_1/new.txt", "New")
        #expect(project.reload(file: "templates/beta/sms_1/new.txt") == [.workflow("beta")], "a missing file is watched")
        #expect(project.problems.isEmpty)
    }

    @Test func newAndDeletedResources() throws {
        var (p, project) = try project()
        p.smsWorkflow("gamma")
        #expect(project.reload(file: "templates/gamma/workflow.json") == [.workflow("gamma")])
        #expect(project.workflows["gamma"] != nil)
        p.remove("templates/alpha")
        #expect(project.reload(file: "templates/alpha/workflow.json") == [.workflow("alpha")])
        #expect(project.workflows["alpha"] == nil && project.problems.isEmpty)
        p.write("templates/beta/sample.json", #"{"data": {"x": 1}, "locale": "fr"}"#)
        #expect(project.reload(file: "templates/beta/sample.json") == [.sample("beta")])
        #expect(project.samples["beta"]?.locale == "fr")
    }

    @Test func partialsTranslationsAndConfig() throws {
        var (p, project) = try project()
        p.write("partials/sig/content.txt", "-- Acme Inc.")
        #expect(project.reload(file: "partials/sig/content.txt") == [.partial("sig")])
        #expect(project.partials["sig"]?.content == "-- Acme Inc.")
        p.write("translations/en/en.json", #"{"hi": "Hi", "bye": }"#)
        #expect(project.reload(file: "translations/en/en.json") == [.translation(TranslationID(locale: "en"))])
        #expect(project.problems.first?.line == 1 && project.problems.first?.file == "translations/en/en.json")
        p.write("translations/fr/billing.fr.json", #"{"due": "Dû"}"#)
        #expect(project.reload(file: "translations/fr/billing.fr.json") == [.translation(TranslationID(locale: "fr", namespace: "billing"))])
        p.write("missive.json", #"{"templates": "nowhere"}"#)
        let all = project.reload(file: "missive.json")
        #expect(all.contains(.workflow("alpha")) && project.workflows.isEmpty)
    }
}
