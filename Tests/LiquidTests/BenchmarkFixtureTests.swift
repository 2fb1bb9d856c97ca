import Testing
@testable import Liquid

/// golden-liquid's benchmark fixtures: each `templates/index.liquid` with its partials and
/// `data.json` renders exactly `expected_result.txt`.
@Suite struct BenchmarkFixtureTests {
    static let root = GoldenCase.packageRoot + "/../shared/conformance/golden-liquid/benchmark_fixtures"
    static let fixtures = ["001", "002", "004", "005", "006"]

    @Test(arguments: fixtures)
    func fixture(_ name: String) throws {
        let dir = Self.root + "/" + name
        let source = try #require(readFile(dir + "/templates/index.liquid"), "missing fixture \(dir)")
        let expected = try #require(readFile(dir + "/expected_result.txt"))
        guard case .object(let data) = try JSONParser.parse(try #require(readFile(dir + "/data.json"))) else {
            Issue.record("data.json is not an object")
            return
        }
        var env = Environment()
        env.renderErrors = .raise
        env.loader = try FileSystemLoader(root: dir + "/templates")
        // The expected files were written in 2025 (`"now" | date: "%Y"`), by a tool that ends every
        // file with a newline even where the template has none.
        let writtenIn2025 = RenderSession(now: 1_750_000_000)
        let output = try env.parse(String(decoding: source, as: UTF8.self), name: "index.liquid").render(globals: data, session: writtenIn2025)
        var want = String(decoding: expected, as: UTF8.self)
        if source.last != UInt8(ascii: "\n"), want.hasSuffix("\n") { want.removeLast() }
        #expect(output == want)
    }
}
