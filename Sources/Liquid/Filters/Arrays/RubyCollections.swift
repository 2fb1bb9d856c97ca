/// The pieces of Ruby that Shopify Liquid's array filters are built from: `InputIterator`,
/// `item[property]`, `<=>`, `casecmp`, `eql?` and `to_s`, each as Ruby does it for the values
/// a template can hold.
enum RubyCollections {
    /// `InputIterator.new(input)`: an array flattened (deeply), a hash as a one-item list, a range
    /// as its integers, nil as nothing, anything else (strings, numbers, booleans) as itself
    /// alone. Expanding a range counts against the render's loop-iteration limit, so
    /// `(1..1000000000) | join` stops with a limit error instead of exhausting memory.
    static func items(_ input: Value, _ context: RenderContext) throws -> [Value] {
        switch input {
        case .array(let a): return flatten(a)
        case .nil: return []
        case .range(let lo, let hi):
            let (span, overflow) = hi.subtractingReportingOverflow(lo)
            let count = hi < lo ? 0 : (overflow || span == .max ? Int.max : span + 1)
            let limit = context.environment.limits.maxLoopIterations
            if count > limit {
                throw LiquidError.limit("loop iterations exceeded the limit of \(limit) (maxLoopIterations)")
            }
            try context.countIterations(count)
            return input.arrayElements ?? []
        default: return [input]
        }
    }

    /// `Array#flatten`: nested arrays spliced in place, depth-first, without recursion.
    static func flatten(_ a: [Value]) -> [Value] {
        guard a.contains(where: { if case .array = $0 { return true }; return false }) else { return a }
        var out: [Value] = []
        out.reserveCapacity(a.count)
        var stack: [(array: [Value], index: Int)] = [(a, 0)]
        while !stack.isEmpty {
            let top = stack.count - 1
            let (array, index) = stack[top]
            if index == array.count {
                stack.removeLast()
                continue
            }
            stack[top].index += 1
            if case .array(let inner) = array[index] {
                stack.append((inner, 0))
            } else {
                out.append(array[index])
            }
        }
        return out
    }

    // MARK: item[property]

    /// What `item[property]` does in Ruby: a value (nil when absent), a `TypeError` (the item
    /// indexes by integers and the property is not one), or a `NoMethodError` (the item has no
    /// `[]` at all: nil, booleans, floats, ranges).
    enum Lookup {
        case value(Value)
        case typeError
        case noMethod
    }

    /// Whether Ruby's value responds to `[]`.
    static func respondsToIndex(_ item: Value) -> Bool {
        switch item {
        case .object, .string, .int, .array, .drop: return true
        case .nil, .bool, .double, .range: return false
        }
    }

    static func index(_ item: Value, _ property: Value) -> Lookup {
        switch item {
        case .object(let o):
            // Hash#[]: the data's keys are strings, so only a string finds anything.
            if case .string(let k) = property { return .value(o[k] ?? .nil) }
            return .value(.nil)
        case .drop:
            // Drop#[] invokes the named method or `liquid_method_missing`.
            return .value(RenderContext.property(of: item, key: toS(property)) ?? .nil)
        case .string(let s):
            return stringIndex(s, property)
        case .int(let n):
            return integerIndex(n, property)
        case .array(let a):
            switch property {
            case .int(let i): return .value(RenderContext.element(of: item, index: i) ?? .nil)
            case .double(let d):
                guard let i = truncated(d) else { return .typeError }
                return .value(RenderContext.element(of: item, index: i) ?? .nil)
            case .range(let lo, let hi):
                guard let (start, length) = rangeStartLength(lo, hi, count: a.count) else { return .value(.nil) }
                return .value(.array(Array(a[start..<(start + length)])))
            default: return .typeError
            }
        case .nil, .bool, .double, .range:
            return .noMethod
        }
    }

    /// String#[]: a string argument is itself when it occurs; an integer is the character there;
    /// a range is a substring.
    private static func stringIndex(_ s: String, _ property: Value) -> Lookup {
        switch property {
        case .string(let p):
            if p.isEmpty || s.utf8.firstRange(of: p.utf8) != nil { return .value(.string(p)) }
            return .value(.nil)
        case .int(let i):
            return .value(character(of: s, at: i))
        case .double(let d):
            guard let i = truncated(d) else { return .typeError }
            return .value(character(of: s, at: i))
        case .range(let lo, let hi):
            let scalars = Array(s.unicodeScalars)
            guard let (start, length) = rangeStartLength(lo, hi, count: scalars.count) else { return .value(.nil) }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars[start..<(start + length)])
            return .value(.string(String(out)))
        default:
            return .typeError
        }
    }

    private static func character(of s: String, at i: Int) -> Value {
        let scalars = s.unicodeScalars
        let count = scalars.count
        let j = i < 0 ? count + i : i
        guard j >= 0 && j < count else { return .nil }
        return .string(String(scalars[scalars.index(scalars.startIndex, offsetBy: j)]))
    }

    /// Integer#[]: the bit at a position (two's complement, so negative numbers have infinitely
    /// many leading ones); a range gives the bits in it.
    private static func integerIndex(_ n: Int, _ property: Value) -> Lookup {
        func bit(_ i: Int) -> Int {
            if i < 0 { return 0 }
            if i >= 63 { return n < 0 ? 1 : 0 }
            return (n >> i) & 1
        }
        switch property {
        case .int(let i): return .value(.int(bit(i)))
        case .double(let d):
            guard let i = truncated(d) else { return .typeError }
            return .value(.int(bit(i)))
        case .range(let lo, let hi):
            guard lo >= 0 else { return .typeError }
            let shifted = lo >= 63 ? (n < 0 ? -1 : 0) : n >> lo
            if hi < lo { return .value(.int(shifted)) }
            let width = hi - lo + 1
            if width >= 63 { return .value(.int(shifted)) }
            return .value(.int(shifted & ((1 << width) - 1)))
        default:
            return .typeError
        }
    }

    private static func truncated(_ d: Double) -> Int? {
        guard d.isFinite, d > -9.2e18, d < 9.2e18 else { return nil }
        return Int(d)
    }

    /// `rb_range_beg_len` as String#[] and Array#[] use it: nil when the start is out of bounds.
    private static func rangeStartLength(_ lo: Int, _ hi: Int, count: Int) -> (Int, Int)? {
        var start = lo
        if start < 0 {
            start += count
            if start < 0 { return nil }
        }
        if start > count { return nil }
        var end = hi < 0 ? hi + count : hi
        end = end >= count ? count : end + 1
        return (start, max(0, end - start))
    }

    // MARK: Comparison

    /// Ruby's `<=>` for the values Liquid holds; nil where Ruby's is nil (values that do not
    /// order: a number and a string, two different hashes, true and false, ...).
    static func spaceship(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.int, .double), (.double, .int), (.double, .double):
            return RubyNumeric.compare(RubyNumeric(exactNumber: a), RubyNumeric(exactNumber: b))
        case (.string(let x), .string(let y)):
            return compareBytes(x, y)
        case (.array(let x), .array(let y)):
            for (l, r) in zip(x, y) {
                guard let c = spaceship(l, r) else { return nil }
                if c != 0 { return c }
            }
            return x.count < y.count ? -1 : (x.count > y.count ? 1 : 0)
        case (.drop(let x), .drop(let y)):
            return x === y ? 0 : nil
        default:
            // Object#<=>: 0 when equal, else not comparable.
            return a.liquidEquals(b) ? 0 : nil
        }
    }

    /// Bytewise, as Ruby compares strings.
    static func compareBytes(_ x: String, _ y: String) -> Int {
        var x = x, y = y
        return x.withUTF8 { a in
            y.withUTF8 { b in
                let n = min(a.count, b.count)
                for i in 0..<n where a[i] != b[i] {
                    return a[i] < b[i] ? -1 : 1
                }
                return a.count < b.count ? -1 : (a.count > b.count ? 1 : 0)
            }
        }
    }

    /// `String#casecmp`: bytewise after folding ASCII letters only.
    static func casecmp(_ x: String, _ y: String) -> Int {
        var x = x, y = y
        return x.withUTF8 { a in
            y.withUTF8 { b in
                let n = min(a.count, b.count)
                for i in 0..<n {
                    let p = a[i] >= 0x41 && a[i] <= 0x5A ? a[i] | 0x20 : a[i]
                    let q = b[i] >= 0x41 && b[i] <= 0x5A ? b[i] | 0x20 : b[i]
                    if p != q { return p < q ? -1 : 1 }
                }
                return a.count < b.count ? -1 : (a.count > b.count ? 1 : 0)
            }
        }
    }

    /// `nil_safe_compare` of `sort`: `<=>`, with nil after everything else.
    static func nilSafeCompare(_ a: Value, _ b: Value) throws -> Int {
        if let c = spaceship(a, b) { return c }
        if a.isNil { return 1 }
        if b.isNil { return -1 }
        throw LiquidError.argument("cannot sort values of incompatible types")
    }

    /// A stable merge sort whose comparison may throw: glibc's `qsort_r`, which Ruby's `sort`
    /// uses on Linux, is a stable merge sort too, so ties keep their order as in Shopify's Liquid.
    static func stableSort<T>(_ items: [T], by compare: (T, T) throws -> Int) rethrows -> [T] {
        if items.count < 2 { return items }
        var source = items
        var buffer = items
        var width = 1
        let n = items.count
        while width < n {
            var start = 0
            while start < n {
                let mid = min(start + width, n), end = min(start + 2 * width, n)
                var i = start, j = mid, k = start
                while i < mid && j < end {
                    if try compare(source[j], source[i]) < 0 {
                        buffer[k] = source[j]
                        j += 1
                    } else {
                        buffer[k] = source[i]
                        i += 1
                    }
                    k += 1
                }
                while i < mid {
                    buffer[k] = source[i]
                    i += 1
                    k += 1
                }
                while j < end {
                    buffer[k] = source[j]
                    j += 1
                    k += 1
                }
                start = end
            }
            swap(&source, &buffer)
            width *= 2
        }
        return source
    }

    // MARK: Conversions

    /// Ruby's `to_s` as Liquid's `Utils.to_s` applies it: nil is "", floats in Ruby's form,
    /// arrays and hashes as their `inspect`, a range as `1..3`.
    static func toS(_ v: Value) -> String {
        switch v {
        case .string(let s): return s
        case .array: return RubyFormat.inspect(v)
        case .drop(let d): return toS(d.toLiquidValue())
        default: return v.liquidString
        }
    }

    /// The `cannot select the property` error of the filters that look items up.
    static func propertyError(_ property: Value) -> LiquidError {
        LiquidError.argument("cannot select the property '\(toS(property))'")
    }
}

extension RubyNumeric {
    /// A Float or Integer as Ruby compares them: exactly, Integer against the Float's true value.
    init(exactNumber v: Value) {
        switch v {
        case .int(let i): self = .integer(i)
        case .double(let d): self = .decimal(RubyDecimal(d))
        default: self = .integer(0)
        }
    }
}

/// A value under Ruby's `eql?` and `hash`, as `uniq` compares items: 1 and 1.0 differ, strings by
/// content, arrays and hashes by their contents (a hash's order does not matter).
struct RubyEqlKey: Hashable {
    let value: Value

    static func == (l: RubyEqlKey, r: RubyEqlKey) -> Bool { eql(l.value, r.value) }

    func hash(into hasher: inout Hasher) { Self.feed(value, into: &hasher) }

    static func eql(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { eql($0, $1) }
        case (.object(let x), .object(let y)):
            return x.count == y.count && x.pairs.allSatisfy { k, v in y[k].map { eql(v, $0) } ?? false }
        default:
            // Scalars, ranges and drops compare as `Value`'s structural equality does.
            return a == b
        }
    }

    private static func feed(_ v: Value, into h: inout Hasher) {
        switch v {
        case .nil: h.combine(0)
        case .bool(let b): h.combine(1); h.combine(b)
        case .int(let i): h.combine(2); h.combine(i)
        case .double(let d): h.combine(3); h.combine(d == 0 ? 0 : d)
        case .string(let s): h.combine(4); h.combine(s)
        case .array(let a):
            h.combine(5)
            h.combine(a.count)
            for x in a { feed(x, into: &h) }
        case .object(let o):
            // Order-independent: combine the pairs' hashes commutatively.
            h.combine(6)
            h.combine(o.count)
            var sum = 0
            for (k, x) in o.pairs {
                var inner = Hasher()
                inner.combine(k)
                feed(x, into: &inner)
                sum = sum &+ inner.finalize()
            }
            h.combine(sum)
        case .range(let lo, let hi): h.combine(7); h.combine(lo); h.combine(hi)
        case .drop(let d): h.combine(8); h.combine(ObjectIdentifier(d))
        }
    }
}
