import Liquid
import Templates

/// The project as the API lists it: workflows with their steps, layouts, partials, translation
/// files, and the project's problems.
enum ProjectJSON {
    static func listing(_ p: Project, version: Int) -> Value {
        let problems = p.problems
        return .object(LiquidObject([
            ("root", .string(p.root)),
            ("version", .int(version)),
            ("default_locale", .string(p.config.defaultLocale)),
            ("locales", .array(DefaultSample.locales(of: p).map(Value.string))),
            ("workflows", .array(p.workflows.keys.sorted().map { workflow(p.workflows[$0]!, hasSample: p.samples[$0] != nil) })),
            ("layouts", .array(p.layouts.keys.sorted().map { k in
                let l = p.layouts[k]!
                return .object(LiquidObject([("key", .string(k)), ("name", .string(l.name)), ("file", .string(l.file))]))
            })),
            ("partials", .array(p.partials.keys.sorted().map { k in
                let x = p.partials[k]!
                return .object(LiquidObject([("key", .string(k)), ("name", .string(x.name)), ("type", .string(x.type.rawValue)),
                                             ("file", .string(x.file))]))
            })),
            ("translations", .array(p.translations.keys.sorted().map { id in
                .object(LiquidObject([("locale", .string(id.locale)), ("namespace", id.namespace.map(Value.string) ?? .nil),
                                      ("file", .string(p.translations[id]!.file))]))
            })),
            ("problems", .object(LiquidObject([
                ("errors", .int(problems.filter { $0.severity == .error }.count)),
                ("warnings", .int(problems.filter { $0.severity == .warning }.count)),
            ]))),
        ]))
    }

    static func workflow(_ w: Workflow, hasSample: Bool) -> Value {
        .object(LiquidObject([
            ("key", .string(w.key)),
            ("name", .string(w.name)),
            ("description", w.description.map(Value.string) ?? .nil),
            ("categories", .array(w.categories.map(Value.string))),
            ("file", .string(w.file)),
            ("has_sample", .bool(hasSample)),
            ("steps", .array(w.allSteps.map(step))),
        ]))
    }

    static func step(_ s: Step) -> Value {
        var o = LiquidObject([("ref", .string(s.ref)), ("type", .string(s.type))])
        if let info = s.info {
            if let name = info.name { o["name"] = .string(name) }
            o["json_path"] = .string(info.jsonPath)
        }
        if case .channel(let c) = s {
            o["channel_type"] = c.channelType.map { .string($0.rawValue) } ?? .nil
            o["channel_key"] = (c.channelKey ?? c.channelGroupKey).map(Value.string) ?? .nil
        }
        return .object(o)
    }

    static func problem(_ p: Problem) -> Value {
        var o = LiquidObject([("severity", .string(p.severity.rawValue)), ("file", .string(p.file))])
        if let line = p.line { o["line"] = .int(line) }
        if let column = p.column { o["column"] = .int(column) }
        if let path = p.jsonPath { o["json_path"] = .string(path) }
        o["message"] = .string(p.message)
        o["description"] = .string(p.description)
        return .object(o)
    }

    static func problems(_ list: [Problem]) -> Value {
        .object(LiquidObject([
            ("errors", .int(list.filter { $0.severity == .error }.count)),
            ("warnings", .int(list.filter { $0.severity == .warning }.count)),
            ("problems", .array(list.map(problem))),
        ]))
    }
}
