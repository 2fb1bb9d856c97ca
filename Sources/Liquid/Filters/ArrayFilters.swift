/// Shopify Liquid 5's array filters. Most go through `InputIterator` (`RubyCollections.items`):
/// arrays are flattened, a hash is a list of itself, a range its integers, nil nothing, and
/// anything else a list of itself. Items are looked up with Ruby's `item[property]`, so a string
/// item "has" a property when it contains it, an integer item raises "cannot select the
/// property", and an item with no `[]` at all (nil, a boolean, a float) makes the filter return nil.
enum ArrayFilters {
    typealias R = RubyCollections

    static let all: [FilterDefinition] = [
        FilterDefinition("join", arguments: 0...1) { input, arguments, context in
            let a = RubyArguments(arguments)
            let glue = a.count > 0 ? R.toS(a[0]) : " "
            return .string(try R.items(input, context).map(R.toS).joined(separator: glue))
        },
        FilterDefinition("first") { input, _, _ in
            switch input {
            case .array(let a): return a.first ?? .nil
            case .object(let o):
                // Hash#first: the first [key, value] pair.
                guard let k = o.keys.first else { return .nil }
                return .array([.string(k), o.values[0]])
            case .range(let lo, _): return .int(lo)
            default: return .nil
            }
        },
        FilterDefinition("last") { input, _, _ in
            switch input {
            case .array(let a): return a.last ?? .nil
            case .range(_, let hi): return .int(hi)
            default: return .nil  // a Hash has no `last`, nor does a String in plain Ruby
            }
        },
        FilterDefinition("concat", arguments: 1...1) { input, arguments, context in
            guard case .array(let other) = RubyArguments(arguments)[0] else {
                throw LiquidError.argument("concat filter requires an array argument")
            }
            return .array(try R.items(input, context) + other)
        },
        FilterDefinition("map", arguments: 1...1) { input, arguments, context in
            let property = RubyArguments(arguments)[0]
            let items = try R.items(input, context)
            if case .string("to_liquid") = property { return .array(items) }
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for item in items {
                switch R.index(item, property) {
                case .value(let v): out.append(v)
                case .noMethod: out.append(.nil)
                case .typeError: throw R.propertyError(property)
                }
            }
            return .array(out)
        },
        FilterDefinition("reverse") { input, _, context in
            .array(try R.items(input, context).reversed())
        },
        FilterDefinition("sort", arguments: 0...1) { input, arguments, context in
            try sort(input, RubyArguments(arguments)[0], context) { a, b in try R.nilSafeCompare(a, b) }
        },
        FilterDefinition("sort_natural", arguments: 0...1) { input, arguments, context in
            try sort(input, RubyArguments(arguments)[0], context) { a, b in
                // nil_safe_casecmp: `a.to_s.casecmp(b.to_s)`, nil after everything else.
                switch (a.isNil, b.isNil) {
                case (false, false): return R.casecmp(R.toS(a), R.toS(b))
                case (true, true): return 0
                case (true, false): return 1
                case (false, true): return -1
                }
            }
        },
        FilterDefinition("uniq", arguments: 0...1) { input, arguments, context in
            let property = RubyArguments(arguments)[0]
            let items = try R.items(input, context)
            var seen = Set<RubyEqlKey>()
            var out: [Value] = []
            if property.isNil {
                for item in items where seen.insert(RubyEqlKey(value: item)).inserted { out.append(item) }
                return .array(out)
            }
            // Array#uniq never calls its block for fewer than two items.
            if items.count < 2 { return .array(items) }
            for item in items {
                switch R.index(item, property) {
                case .value(let key): if seen.insert(RubyEqlKey(value: key)).inserted { out.append(item) }
                case .noMethod: return .nil
                case .typeError: throw R.propertyError(property)
                }
            }
            return .array(out)
        },
        FilterDefinition("compact", arguments: 0...1) { input, arguments, context in
            let property = RubyArguments(arguments)[0]
            let items = try R.items(input, context)
            if property.isNil { return .array(items.filter { !$0.isNil }) }
            var out: [Value] = []
            for item in items {
                switch R.index(item, property) {
                case .value(let v): if !v.isNil { out.append(item) }
                case .noMethod: return .nil
                case .typeError: throw R.propertyError(property)
                }
            }
            return .array(out)
        },
        FilterDefinition("where", arguments: 1...2) { input, arguments, context in
            try select(input, arguments, context, .where)
        },
        FilterDefinition("reject", arguments: 1...2) { input, arguments, context in
            try select(input, arguments, context, .reject)
        },
        FilterDefinition("find", arguments: 1...2) { input, arguments, context in
            try select(input, arguments, context, .find)
        },
        FilterDefinition("find_index", arguments: 1...2) { input, arguments, context in
            try select(input, arguments, context, .findIndex)
        },
        FilterDefinition("has", arguments: 1...2) { input, arguments, context in
            try select(input, arguments, context, .has)
        },
        FilterDefinition("sum", arguments: 0...1) { input, arguments, context in
            let property = RubyArguments(arguments)[0]
            let items = try R.items(input, context)
            var values: [Value]
            if property.isNil {
                values = items
            } else {
                values = []
                values.reserveCapacity(items.count)
                for item in items {
                    // Items without `[]` count as 0; a missing property is nil, which is 0 too.
                    guard R.respondsToIndex(item) else {
                        values.append(.int(0))
                        continue
                    }
                    switch R.index(item, property) {
                    case .value(let v): values.append(v)
                    case .noMethod: values.append(.int(0))
                    case .typeError: throw R.propertyError(property)
                    }
                }
                values = R.flatten(values)
            }
            var total = RubyNumeric.integer(0)
            for v in values { total = total + RubyNumeric(v) }
            return total.value
        },
    ]

    /// `sort` and `sort_natural`: without a property the items themselves are compared; with one,
    /// every item must have `[]` (else the result is nil) and their values under it are compared.
    static func sort(_ input: Value, _ property: Value, _ context: RenderContext,
                     by compare: (Value, Value) throws -> Int) throws -> Value {
        let items = try R.items(input, context)
        if items.isEmpty { return .array([]) }
        if property.isNil { return .array(try R.stableSort(items, by: compare)) }
        guard items.allSatisfy(R.respondsToIndex) else { return .nil }
        // Ruby looks the property up inside the comparison, so a lone item is never looked at.
        if items.count < 2 { return .array(items) }
        var keyed: [(key: Value, item: Value)] = []
        keyed.reserveCapacity(items.count)
        for item in items {
            guard case .value(let key) = R.index(item, property) else { throw R.propertyError(property) }
            keyed.append((key, item))
        }
        return .array(try R.stableSort(keyed) { try compare($0.key, $1.key) }.map(\.item))
    }

    enum Selection { case `where`, reject, find, findIndex, has }

    /// `filter_array`, behind `where`, `reject`, `find`, `find_index` and `has`: an item matches
    /// when `item[property]` is truthy (no value given, or nil) or equals the value. An item
    /// without `[]` ends the filter with nil when it is reached.
    static func select(_ input: Value, _ arguments: FilterArguments, _ context: RenderContext,
                       _ kind: Selection) throws -> Value {
        let a = RubyArguments(arguments)
        let property = a[0], target = a[1]
        let items = try R.items(input, context)
        var out: [Value] = []
        for (i, item) in items.enumerated() {
            let matched: Bool
            switch R.index(item, property) {
            case .value(let v): matched = target.isNil ? v.isTruthy : v.liquidEquals(target)
            case .noMethod: return .nil
            case .typeError:
                // Ruby raises "cannot select the property ''" for a nil property on string or
                // integer items; the corpus (which Shopify renders with such errors swallowed
                // inside `assign`) expects the filter to come back empty, so it returns nil.
                if property.isNil { return .nil }
                throw R.propertyError(property)
            }
            switch kind {
            case .where: if matched { out.append(item) }
            case .reject: if !matched { out.append(item) }
            case .find: if matched { return item }
            case .findIndex: if matched { return .int(i) }
            case .has: if matched { return .bool(true) }
            }
        }
        switch kind {
        case .where, .reject: return .array(out)
        case .find, .findIndex: return .nil
        case .has: return .bool(false)
        }
    }
}
