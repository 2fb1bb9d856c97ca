import Liquid

/// The variables of a Knock workflow run as templates see them (knock-spec §2.1): `data`,
/// `recipient`, `actor`, `tenant`, `vars`, `workflow`, `timestamp`, `total_activities`,
/// `total_actors`, `activities`, `actors`, `current_message`. Trigger `data` keys are also
/// visible at top level, as Knock's older templates use them (`{{ page_name }}`); system variables
/// win on a collision, and `$data` is an alias of `data`.
public struct RunScope: Sendable {
    public var data: LiquidObject = [:]
    public var recipient: Value = .nil
    public var actor: Value = .nil
    public var tenant: Value = .nil
    public var vars: LiquidObject = [:]
    public var workflow: LiquidObject = [:]
    /// ISO 8601 time of the activity.
    public var timestamp: String? = nil
    public var activities: [Value] = []
    public var actors: [Value] = []
    /// The batch's uncapped totals; default to the visible lists' sizes (1 activity for a plain run).
    public var totalActivities: Int? = nil
    public var totalActors: Int? = nil
    public var currentMessage: LiquidObject = [:]
    /// Extra top-level variables (a webhook step's `inputs`, a layout's `content`).
    public var extra: LiquidObject = [:]

    public init() {}

    /// The names that are never shadowed by a trigger data key.
    public static let systemNames: Set<String> = [
        "data", "$data", "recipient", "actor", "tenant", "vars", "workflow", "timestamp", "total_activities",
        "total_actors", "activities", "actors", "current_message",
    ]

    /// The scope as render locals: visible to the template and its layout, not to partials
    /// (Knock partials see only their inputs).
    public var locals: [String: Value] {
        var scope: [String: Value] = [:]
        for (k, v) in data.pairs where !Self.systemNames.contains(k) { scope[k] = v }
        scope["data"] = .object(data)
        scope["$data"] = .object(data)
        scope["recipient"] = recipient
        scope["actor"] = actor
        scope["tenant"] = tenant
        scope["vars"] = .object(vars)
        scope["workflow"] = .object(workflow)
        scope["timestamp"] = timestamp.map(Value.string) ?? .nil
        let activityList = activities.isEmpty && !data.isEmpty ? [defaultActivity] : activities
        scope["activities"] = .array(activityList)
        let actorList = actors.isEmpty && !actor.isNil ? [actor] : actors
        scope["actors"] = .array(actorList)
        scope["total_activities"] = .int(totalActivities ?? max(1, activityList.count))
        scope["total_actors"] = .int(totalActors ?? actorList.count)
        scope["current_message"] = .object(currentMessage)
        for (k, v) in extra.pairs { scope[k] = v }
        return scope
    }

    /// A run without a batch has one activity: the trigger itself. Its data is visible both as
    /// `activity.data.x` and `activity.x` (knock-spec §2.3).
    var defaultActivity: Value {
        var a = data
        a["data"] = .object(data)
        a["actor"] = actor
        a["recipient"] = recipient
        if let timestamp { a["inserted_at"] = .string(timestamp) }
        return .object(a)
    }

    /// The locale for translations: the recipient's `locale` property, if any.
    public var recipientLocale: String? {
        if case .object(let r) = recipient, case .string(let l)? = r["locale"] { return l }
        return nil
    }

    public var tenantID: String? {
        if case .object(let t) = tenant, case .string(let id)? = t["id"] { return id }
        return nil
    }
}

extension RunScope {
    /// A scope from JSON as a caller writes it: `{"data": ..., "recipient": ..., "actor": ...,
    /// "tenant": ..., "vars": ..., ...}`; an object with none of those keys is taken as `data`.
    public init(json: LiquidObject) {
        self.init()
        let known = ["data", "recipient", "actor", "tenant", "vars", "workflow", "timestamp", "activities", "actors",
                     "total_activities", "total_actors", "current_message"]
        guard known.contains(where: { json[$0] != nil }) else {
            data = json
            return
        }
        if case .object(let d)? = json["data"] { data = d }
        recipient = json["recipient"] ?? .nil
        actor = json["actor"] ?? .nil
        tenant = json["tenant"] ?? .nil
        if case .object(let v)? = json["vars"] { vars = v }
        if case .object(let w)? = json["workflow"] { workflow = w }
        timestamp = json["timestamp"]?.stringValue
        if case .array(let a)? = json["activities"] { activities = a }
        if case .array(let a)? = json["actors"] { actors = a }
        if case .int(let n)? = json["total_activities"] { totalActivities = n }
        if case .int(let n)? = json["total_actors"] { totalActors = n }
        if case .object(let m)? = json["current_message"] { currentMessage = m }
    }
}

extension SampleData {
    /// The run this sample describes, as templates will see it.
    public var runScope: RunScope {
        var json = run
        json["data"] = .object(data)
        json["recipient"] = recipient.map(Value.object) ?? .nil
        json["actor"] = actor.map(Value.object) ?? .nil
        json["tenant"] = tenant.map(Value.object) ?? .nil
        return RunScope(json: json)
    }
}

extension RunScope {
    /// A render session for this run: the frozen `now`, and the locale (the given one, else the
    /// recipient's) and tenant that `t` reads.
    public func session(locale: String? = nil, now: Double? = nil) -> RenderSession {
        let session = RenderSession(now: now)
        if let l = locale ?? recipientLocale { session.attributes[KnockAttributes.locale] = .string(l) }
        if let t = tenantID { session.attributes[KnockAttributes.tenant] = .string(t) }
        return session
    }
}
