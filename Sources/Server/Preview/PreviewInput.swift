import Foundation
import Liquid
import Templates

/// What a preview renders with: the run scope (trigger data, recipient, actor, tenant, vars...),
/// a locale, and a frozen "now", read from the JSON the sample-data panel and the API send.
struct PreviewInput: Sendable {
    var scope: RunScope
    var locale: String?
    /// Seconds since 1970, for `date: "now"` and the run's timestamp.
    var now: Double

    /// The keys a sample may have: a run scope's, plus `locale` and `now`.
    static let keys: Set<String> = [
        "data", "recipient", "actor", "tenant", "vars", "workflow", "timestamp", "activities", "actors",
        "total_activities", "total_actors", "current_message", "locale", "now",
    ]

    /// - Throws: `APIError` 400 naming the field that is wrong.
    init(json: LiquidObject, defaultNow: Double) throws {
        for key in ["data", "vars", "workflow", "current_message"] {
            if let v = json[key], !v.isNil, !Self.isObject(v) {
                throw APIError.badRequest("bad_field", "'\(key)' must be an object")
            }
        }
        for key in ["recipient", "actor", "tenant"] {
            if let v = json[key], !v.isNil, !Self.isObject(v), v.stringValue == nil {
                throw APIError.badRequest("bad_field", "'\(key)' must be an object (or an id)")
            }
        }
        for key in ["activities", "actors"] {
            if let v = json[key], !v.isNil, v.arrayElements == nil {
                throw APIError.badRequest("bad_field", "'\(key)' must be an array")
            }
        }
        var scopeJSON = json
        scopeJSON["locale"] = nil
        scopeJSON["now"] = nil
        // An empty sample still means "a run with no data", not "the whole object is data".
        if scopeJSON["data"] == nil { scopeJSON["data"] = .object(LiquidObject()) }
        scope = RunScope(json: scopeJSON)
        locale = try JSONRequest.string(json, "locale")
        switch json["now"] {
        case nil, .nil?: now = defaultNow
        case .int(let n)?: now = Double(n)
        case .double(let d)?: now = d
        case .string(let s)?:
            guard let t = Self.parseTime(s) else {
                throw APIError.badRequest("bad_field", "'now' must be an ISO 8601 time (2026-05-14T09:30:00Z) or seconds since 1970")
            }
            now = t
        default:
            throw APIError.badRequest("bad_field", "'now' must be an ISO 8601 time or a number")
        }
        if scope.timestamp == nil { scope.timestamp = Self.formatTime(now) }
    }

    private static func isObject(_ v: Value) -> Bool {
        if case .object = v { return true }
        return false
    }

    static func parseTime(_ s: String) -> Double? {
        let plain = ISO8601DateFormatter()
        if let d = plain.date(from: s) { return d.timeIntervalSince1970 }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: s)?.timeIntervalSince1970
    }

    static func formatTime(_ t: Double) -> String {
        ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: t.rounded(.down)))
    }
}

/// The sample a workflow previews with by default: its `sample.json`, or a scaffold of the
/// variables its templates use when it has none.
enum DefaultSample {
    static func json(for workflow: Workflow, in project: Project, now: Double) -> LiquidObject {
        var o = LiquidObject()
        if let sample = project.samples[workflow.key] {
            o["data"] = .object(sample.data)
            if let r = sample.recipient { o["recipient"] = .object(r) }
            if let a = sample.actor { o["actor"] = .object(a) }
            if let t = sample.tenant { o["tenant"] = .object(t) }
            if let l = sample.locale { o["locale"] = .string(l) }
        } else {
            o = Scaffold.sample(for: workflow, in: project)
        }
        o["now"] = .string(PreviewInput.formatTime(now))
        return o
    }

    /// The project's locales, the default first: what the locale menu offers.
    static func locales(of project: Project) -> [String] {
        var set = Set(project.translations.keys.map(\.locale))
        set.remove(project.config.defaultLocale)
        return [project.config.defaultLocale] + set.sorted()
    }
}
