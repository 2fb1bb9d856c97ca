import Liquid

/// Knock's side-loading filters (knock-spec §1.4), answered by a `KnockDataSource`:
///
///     {% assign u = "chris" | user %}
///     {% assign project = data.project_id | object: "projects" %}
///     {% assign t = "acme" | tenant %}
///     {% assign subs = recipient.id | subscriptions %}
///
/// `user`, `object` and `tenant` give nil for an unknown id, as Knock documents (it renders as
/// nothing; guard with `{% if %}`), and also for a nil or empty id or collection. `subscriptions`
/// gives a list of at most 25 (Knock's limit), empty for an unknown or missing recipient id.
/// Without a data source, all four give nil.
enum SideLoadingFilters {
    /// Knock loads "up to 25 active subscriptions".
    static let maxSubscriptions = 25

    static func all(dataSource: (any KnockDataSource)?) -> [FilterDefinition] {
        [
            FilterDefinition("user") { input, _, _ in
                guard let dataSource, let id = entityId(input) else { return .nil }
                return dataSource.user(id: id) ?? .nil
            },
            FilterDefinition("object", arguments: 1...1) { input, arguments, _ in
                guard let dataSource, let id = entityId(input), let collection = entityId(arguments[0] ?? .nil) else { return .nil }
                return dataSource.object(collection: collection, id: id) ?? .nil
            },
            FilterDefinition("tenant") { input, _, _ in
                guard let dataSource, let id = entityId(input) else { return .nil }
                return dataSource.tenant(id: id) ?? .nil
            },
            FilterDefinition("subscriptions") { input, _, _ in
                guard let dataSource else { return .nil }
                guard let id = entityId(input) else { return .array([]) }
                return .array(Array(dataSource.subscriptions(recipientId: id).prefix(maxSubscriptions)))
            },
        ]
    }

    /// The id an input stands for: a string or an integer, or the `id` of an entity passed whole
    /// (`recipient | subscriptions` works as `recipient.id | subscriptions`).
    static func entityId(_ value: Value) -> String? {
        switch value.resolvedDrop {
        case .string(let s): return s.isEmpty ? nil : s
        case .int(let i): return String(i)
        case .object(let o): return o["id"].flatMap(entityId)
        default: return nil
        }
    }
}
