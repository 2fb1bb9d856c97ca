import Liquid

/// The conformance runner's batch protocol (../shared/conformance/README.md): one JSON request per
/// line in, one JSON answer per line out, flushed after each.
enum BatchProtocol {
    static func serve() {
        var reader = IO.LineReader()
        while let line = reader.next() {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
            var answer = LiquidObject()
            do {
                guard case .object(let request) = try JSONParser.parse(line) else { throw CLIError("request must be a JSON object") }
                if let id = request["id"] { answer["id"] = id }
                answer = answer.merging(render(request))
            } catch {
                answer["error"] = .string("bad request: \(error)")
            }
            var out = OutputBuffer(capacity: 256)
            JSONWriter.write(.object(answer), to: &out)
            out.append(0x0A)
            IO.write(out.bytes)
        }
    }

    static func render(_ request: LiquidObject) -> LiquidObject {
        var env = Environment()
        let mode = request["error_mode"]?.liquidString ?? "lax"
        env.errorMode = mode == "lax" ? .lax : .strict
        env.renderErrors = .raise
        env.limits = .unlimited
        var partials: [String: String] = [:]
        if case .object(let p)? = request["partials"] { for (k, v) in p.pairs { partials[k] = v.liquidString } }
        env.loader = InMemoryLoader(partials)
        var data = LiquidObject()
        if case .object(let d)? = request["data"] { data = d }
        var answer = LiquidObject()
        do {
            let template = try env.parse(request["template"]?.liquidString ?? "", name: request["name"]?.liquidString)
            answer["output"] = .string(try template.render(globals: data))
        } catch let error as LiquidError {
            answer["error"] = .string(error.liquidMessage)
        } catch {
            answer["error"] = .string("\(error)")
        }
        return answer
    }
}

extension LiquidObject {
    func merging(_ other: LiquidObject) -> LiquidObject {
        var copy = self
        for (k, v) in other.pairs { copy[k] = v }
        return copy
    }
}
