import Testing
@testable import Liquid

@Suite struct AnalysisTests {
    @Test func listsVariablesFiltersTagsAndPartials() throws {
        let t = try Environment().parse("""
            Hi {{ user.name | upcase }}
            {% assign n = items.size %}{% for i in items %}{{ i.title }}{{ n }}{% endfor %}
            {% render 'card', who: user %}
            """)
        let a = t.analyze()
        #expect(a.variables.map(\.name) == ["user.name", "items.size", "items", "user"])
        #expect(a.globalNames == ["user", "items"])
        #expect(a.filters.map(\.name) == ["upcase"])
        #expect(a.partials.map(\.name) == ["card"])
        #expect(a.partials.first?.line == 3)
        #expect(a.variables.first?.line == 1 && a.variables.first?.column == 7)
        #expect(a.tags.map(\.name) == ["assign", "for", "render"])
    }
}

@Suite struct CacheTests {
    @Test func reusesUntilTheSourceChanges() throws {
        let cache = TemplateCache(environment: Environment())
        let a = try cache.template(named: "t", source: "{{ 1 }}")
        let b = try cache.template(named: "t", source: "{{ 1 }}")
        #expect(a === b)
        let c = try cache.template(named: "t", source: "{{ 2 }}")
        #expect(c !== a)
        #expect(try c.render() == "2")
        #expect(cache.count == 1)
    }
}
