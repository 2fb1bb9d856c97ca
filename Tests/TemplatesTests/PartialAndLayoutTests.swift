import Liquid
import Testing
@testable import Templates

@Suite struct KnockPartialTests {
    func env(_ partials: [KnockPartial]) -> Environment {
        var e = KnockFlavour.environment(partials: KnockPartialLoader(partials))
        e.renderErrors = .raise
        return e
    }

    @Test func isolatedScope() throws {
        let e = env([KnockPartial(key: "greet", kind: .text, content: "[{{ name }}|{{ recipient.name }}|{{ leaked }}]")])
        let t = try e.parse("{% render 'greet', name: recipient.name %}{% assign leaked = 1 %}")
        #expect(try t.render(locals: ["recipient": ["name": "Ada"]]) == "[Ada||]")
    }

    @Test func inputsArePassedAsText() throws {
        let e = env([KnockPartial(key: "flag", kind: .text, content: "{% if on %}truthy{% endif %} {{ on }} {{ items }}")])
        #expect(try e.parse("{% render 'flag', on: false, items: list %}").render(locals: ["list": [1, 2]]) == "truthy false [1,2]")
    }

    @Test func depthLimitIsFive() throws {
        var partials: [KnockPartial] = []
        for i in 1...6 { partials.append(KnockPartial(key: "p\(i)", kind: .text, content: "\(i){% render 'p\(i + 1)' %}")) }
        partials.append(KnockPartial(key: "p7", kind: .text, content: "end"))
        let e = env(partials)
        partials[4] = KnockPartial(key: "p5", kind: .text, content: "5")
        #expect(try env(partials).parse("{% render 'p1' %}").render() == "12345")
        let error = #expect(throws: LiquidError.self) { try e.parse("{% render 'p1' %}").render() }
        #expect(error?.message.contains("p1 → p2 → p3 → p4 → p5 → p6") == true)
    }

    @Test func cyclesAreReportedWithTheirChain() throws {
        let e = env([KnockPartial(key: "a", kind: .text, content: "{% render 'b' %}"),
                     KnockPartial(key: "b", kind: .text, content: "{% render 'a' %}")])
        let error = #expect(throws: LiquidError.self) { try e.parse("{% render 'a' %}").render() }
        #expect(error?.message == "partial cycle: a → b → a")
    }

    @Test func includeIsRefused() {
        let error = #expect(throws: LiquidError.self) { try env([]).parse("{% include 'x' %}") }
        #expect(error?.message.contains("render") == true)
    }

    @Test func htmlPartialStylesAreSeparated() {
        let p = KnockPartial(key: "btn", kind: .html, content: "<style>.btn{color:red}</style>\n<a class=\"btn\">Go</a>")
        #expect(p.content == "<a class=\"btn\">Go</a>")
        #expect(p.styles == ["<style>.btn{color:red}</style>"])
        #expect(KnockPartial(key: "t", kind: .text, content: "<style>x</style>").styles.isEmpty)
    }
}

@Suite struct EmailLayoutTests {
    static let layout = EmailLayout(
        key: "default",
        htmlLayout: "<html><head><title>{{ vars.app_name }}</title></head><body style=\"color:{{ vars.branding.primary_color }}\">{{ preview_text }}|{{ content }}|{{ footer_links }}|{{ after }}</body></html>",
        textLayout: "{{ content }}\n--\n{{ vars.app_name }}",
        footerLinks: [.init(text: "Preferences", url: "https://x.test/prefs?a=1&b=2")],
        brandingOverrides: ["primary_color": "#222222"]
    )

    func composer(_ partials: [KnockPartial] = []) -> EmailComposer {
        let loader = KnockPartialLoader(partials)
        return EmailComposer(environment: KnockFlavour.environment(partials: loader), partials: loader, plainText: { "TEXT(\($0.count))" })
    }

    func scope(branding: LiquidObject = [:], tenant: Value = .nil) -> RunScope {
        var s = RunScope()
        s.vars = ["app_name": "Acme", "branding": .object(branding)]
        s.tenant = tenant
        s.data = ["who": "Ada"]
        return s
    }

    @Test func bodyGoesIntoContentAndAssignsReachTheLayout() throws {
        let parts = EmailComposer.Parts(html: ("body", "Hi {{ data.who }}{% assign after = 'set-by-body' %}"),
                                        text: ("text", "Hi {{ who }}"), previewText: ("preview", "Preview for {{ who }}"))
        let email = try composer().compose(parts, layout: Self.layout, scope: scope())
        #expect(email.html == "<html><head><title>Acme</title></head><body style=\"color:#222222\">Preview for Ada|Hi Ada|<a href=\"https://x.test/prefs?a=1&amp;b=2\">Preferences</a>|set-by-body</body></html>")
        #expect(email.text == "Hi Ada\n--\nAcme")
    }

    @Test func brandingOverridesInOrder() {
        let tenant: Value = ["id": "t1", "settings": ["branding": ["primary_color": "#tenant"]]]
        #expect(Branding.resolve(account: [:], layout: [:], tenant: .nil)["primary_color"] == .string("#000000"))
        #expect(Branding.resolve(account: ["primary_color": "#acct"], layout: [:], tenant: .nil)["primary_color"] == .string("#acct"))
        #expect(Branding.resolve(account: ["primary_color": "#acct"], layout: ["primary_color": "#layout"], tenant: .nil)["primary_color"] == .string("#layout"))
        #expect(Branding.resolve(account: ["primary_color": "#acct"], layout: ["primary_color": "#layout"], tenant: tenant)["primary_color"] == .string("#tenant"))
        #expect(Branding.resolve(account: ["logo_url": "l.png"], layout: [:], tenant: .nil)["dark_logo_url"] == .string("l.png"))
    }

    @Test func tenantBrandingReachesTheLayout() throws {
        let tenant: Value = ["id": "t1", "settings": ["branding": ["primary_color": "#AA0000"]]]
        let email = try composer().compose(.init(html: ("b", "x")), layout: Self.layout, scope: scope(tenant: tenant))
        #expect(email.html.contains("color:#AA0000"))
    }

    @Test func partialStylesAreHoistedOnceIntoTheHead() throws {
        let btn = KnockPartial(key: "btn", kind: .html, content: "<style>.btn{color:red}</style><a class=\"btn\">{{ label }}</a>")
        let parts = EmailComposer.Parts(html: ("b", "{% render 'btn', label: 'One' %}{% render 'btn', label: 'Two' %}"))
        let email = try composer([btn]).compose(parts, layout: Self.layout, scope: scope())
        #expect(email.html.hasPrefix("<html><head>\n<style>.btn{color:red}</style>\n<title>"))
        #expect(email.html.split(separator: "<style>", omittingEmptySubsequences: false).count == 2)
        #expect(email.html.contains("|<a class=\"btn\">One</a><a class=\"btn\">Two</a>|"))
    }

    @Test func textIsDerivedFromTheFinalHTMLWithoutATextBody() throws {
        let email = try composer().compose(.init(html: ("b", "hello")), layout: nil, scope: scope())
        #expect(email.html == "hello")
        #expect(email.text == "TEXT(5)")
    }
}
