import Liquid

/// The golden-liquid conformance corpus in `../shared/conformance/`, found relative to the package root.
struct GoldenCase: Sendable, CustomTestStringConvertible {
    let name: String
    let template: String
    let data: LiquidObject
    let partials: [String: String]
    let results: [String]?
    let invalid: Bool
    let strict: Bool

    var testDescription: String { name }

    static let packageRoot: String = {
        var path = #filePath
        for _ in 0..<4 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path
    }()

    static let suitePath = packageRoot + "/../shared/conformance/golden-liquid/golden_liquid.json"

    static let all: [GoldenCase] = {
        guard let bytes = readFile(suitePath), case .object(let root) = (try? JSONParser.parse(bytes)) ?? .nil,
            case .array(let tests)? = root["tests"]
        else { return [] }
        return tests.compactMap { t -> GoldenCase? in
            guard case .object(let o) = t, case .string(let name)? = o["name"], case .string(let template)? = o["template"] else { return nil }
            var data = LiquidObject()
            if case .object(let d)? = o["data"] { data = d }
            var partials: [String: String] = [:]
            if case .object(let p)? = o["templates"] { for (k, v) in p.pairs { partials[k] = v.liquidString } }
            var results: [String]? = nil
            if case .string(let r)? = o["result"] { results = [r] }
            if case .array(let rs)? = o["results"] { results = rs.map(\.liquidString) }
            var tags: [String] = []
            if case .array(let ts)? = o["tags"] { tags = ts.map(\.liquidString) }
            let invalid: Bool = { if case .bool(true)? = o["invalid"] { return true }; return false }()
            return GoldenCase(name: name, template: template, data: data, partials: partials, results: results,
                              invalid: invalid, strict: tags.contains("strict") || tags.contains("strict2"))
        }
    }()

    /// Render as the corpus README says: errors raise, partials only from the case, strict per tags.
    func run() -> Result<String, LiquidError> {
        var env = Environment()
        env.errorMode = strict ? .strict : .lax
        env.renderErrors = .raise
        env.loader = InMemoryLoader(partials)
        do {
            return .success(try env.parse(template, name: "case").render(globals: data))
        } catch let e as LiquidError {
            return .failure(e)
        } catch {
            return .failure(LiquidError.render("\(error)"))
        }
    }
}

func readFile(_ path: String) -> [UInt8]? { FileBytes.read(path) }

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
