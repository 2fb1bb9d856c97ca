import Liquid
import Testing

/// Cases of the golden-liquid corpus we knowingly do not pass, with the reason. Keep it short.
let goldenSkips: [String: String] = [:]

@Suite("golden-liquid conformance")
struct ConformanceTests {
    @Test func corpusIsPresent() {
        #expect(GoldenCase.all.count == 1054, "expected 1054 cases at \(GoldenCase.suitePath)")
    }

    @Test(arguments: GoldenCase.all.filter { goldenSkips[$0.name] == nil })
    func golden(_ c: GoldenCase) {
        switch c.run() {
        case .success(let output):
            if c.invalid {
                Issue.record("expected an error, got \(output.debugDescription)\ntemplate: \(c.template.debugDescription)")
            } else if let results = c.results, !results.contains(output) {
                Issue.record("got \(output.debugDescription), expected \(results[0].debugDescription)\ntemplate: \(c.template.debugDescription)")
            }
        case .failure(let error):
            if !c.invalid {
                Issue.record("unexpected error: \(error.liquidMessage)\ntemplate: \(c.template.debugDescription)")
            }
        }
    }
}
