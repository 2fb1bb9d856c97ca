import Liquid

/// Where Knock's side-loading filters (`user`, `object`, `tenant`, `subscriptions`; knock-spec
/// §1.4) find the entities a template asks for by id. Implement it over your own store; tests
/// and previews use `InMemoryDataSource`. Called during renders, possibly from many threads.
public protocol KnockDataSource: Sendable {
    /// The serialized user (custom properties plus `id`, `name`, `email`, ...), or nil when unknown.
    func user(id: String) -> Value?
    /// The object `id` of `collection`, or nil when unknown.
    func object(collection: String, id: String) -> Value?
    /// The serialized tenant, or nil when unknown.
    func tenant(id: String) -> Value?
    /// The active subscriptions of a recipient, each an object with `object` (the subscribed
    /// object) and `properties`; empty when there are none. The filter keeps the first 25.
    func subscriptions(recipientId: String) -> [Value]
}

/// A `KnockDataSource` over entities held in memory, given as Liquid objects or as one JSON document:
///
///     {
///       "users":   [{"id": "chris", "name": "Chris", "email": "chris@example.com"}],
///       "objects": [{"id": "proj_1", "collection": "projects", "name": "Website"}],
///       "tenants": [{"id": "acme", "name": "Acme Corp"}],
///       "subscriptions": [{"recipient": "chris", "object": {"id": "proj_1", "collection": "projects"},
///                          "properties": {"role": "owner"}}]
///     }
///
/// Users, tenants and objects are found by their `id` (and an object also by its `collection`);
/// a later entry with the same id replaces an earlier one. A subscription's `recipient` is a
/// recipient id (or an object with an `id`), and its `object` is given whole or as just
/// `id` + `collection`, in which case the stored object of that id is served in its place.
public struct InMemoryDataSource: KnockDataSource {
    public var users: [String: Value] = [:]
    public var tenants: [String: Value] = [:]
    /// Objects by collection, then by id.
    public var objects: [String: [String: Value]] = [:]
    /// Subscriptions by recipient id, in the order given.
    public var subscriptionsByRecipient: [String: [Value]] = [:]

    /// A malformed entry: which one, and what is wrong with it.
    public struct Error: Swift.Error, CustomStringConvertible, Sendable {
        public let message: String
        public var description: String { message }
    }

    public init(users: [LiquidObject] = [], objects: [LiquidObject] = [], tenants: [LiquidObject] = [],
                subscriptions: [LiquidObject] = []) throws
    {
        for (i, user) in users.enumerated() { self.users[try Self.id(user, "users[\(i)]")] = .object(user) }
        for (i, tenant) in tenants.enumerated() { self.tenants[try Self.id(tenant, "tenants[\(i)]")] = .object(tenant) }
        for (i, object) in objects.enumerated() {
            let id = try Self.id(object, "objects[\(i)]")
            let collection = try Self.string(object["collection"], "objects[\(i)].collection")
            self.objects[collection, default: [:]][id] = .object(object)
        }
        // After the objects, so subscriptions can point at them.
        for (i, subscription) in subscriptions.enumerated() {
            let place = "subscriptions[\(i)]"
            let recipient: String
            if case .object(let r) = subscription["recipient"] ?? .nil {
                recipient = try Self.id(r, "\(place).recipient")
            } else {
                recipient = try Self.string(subscription["recipient"], "\(place).recipient")
            }
            var entry = subscription
            guard case .object(let object) = subscription["object"] ?? .nil else {
                throw Error(message: "\(place).object must be an object with an id and a collection")
            }
            let id = try Self.id(object, "\(place).object")
            let collection = try Self.string(object["collection"], "\(place).object.collection")
            if let stored = self.objects[collection]?[id] { entry["object"] = stored }
            subscriptionsByRecipient[recipient, default: []].append(.object(entry))
        }
    }

    /// From a JSON document shaped as shown above; every key is optional.
    public init(json: String) throws {
        let document: Value
        do { document = try JSONParser.parse(json) } catch { throw Error(message: "data source JSON: \(error)") }
        guard case .object(let root) = document else { throw Error(message: "data source JSON must be an object") }
        func list(_ key: String) throws -> [LiquidObject] {
            guard let value = root[key], !value.isNil else { return [] }
            guard case .array(let items) = value else { throw Error(message: "\(key) must be an array") }
            return try items.enumerated().map { i, item in
                guard case .object(let o) = item else { throw Error(message: "\(key)[\(i)] must be an object") }
                return o
            }
        }
        try self.init(users: list("users"), objects: list("objects"), tenants: list("tenants"), subscriptions: list("subscriptions"))
    }

    public func user(id: String) -> Value? { users[id] }
    public func object(collection: String, id: String) -> Value? { objects[collection]?[id] }
    public func tenant(id: String) -> Value? { tenants[id] }
    public func subscriptions(recipientId: String) -> [Value] { subscriptionsByRecipient[recipientId] ?? [] }

    private static func id(_ entity: LiquidObject, _ place: String) throws -> String {
        try string(entity["id"], "\(place).id")
    }

    /// A non-empty string, or a number written as one (ids are strings in Knock, numbers are forgiven).
    private static func string(_ value: Value?, _ place: String) throws -> String {
        switch value ?? .nil {
        case .string(let s) where !s.isEmpty: return s
        case .int(let i): return String(i)
        default: throw Error(message: "\(place) is missing (expected a non-empty string)")
        }
    }
}
