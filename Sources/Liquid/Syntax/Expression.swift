/// A compiled expression: literals are folded into values, paths pre-split into segments.
/// One word: paths are a class reference, literals and ranges are boxed. Nodes hold expressions
/// inline, and a node of at most three words is stored in its `any Node` without an allocation.
public enum Expression: Sendable {
    indirect case literal(Value)
    case variable(VariablePath)
    indirect case range(Expression, Expression)
    /// The special `empty` literal: equal to "", [] and {}; renders as "".
    case empty
    /// The special `blank` literal: equal to nil, false, "", whitespace, [] and {}; renders as "".
    case blank
}

extension Expression {
    /// The path of a `.variable`, without retaining it (the expression keeps it alive): a
    /// render reads it from where a node stores the expression, with no copy of the expression.
    @inline(__always)
    var pathUnretained: Unmanaged<VariablePath>? {
        if case .variable(let path) = self { return .passUnretained(path) }
        return nil
    }

    /// A literal, sharing one box among all uses of the commonest values (nil, booleans, small
    /// integers, ""), so `x == 0` or `flag == true` costs no allocation.
    static func constant(_ value: Value) -> Expression {
        switch value {
        case .nil: return sharedNil
        case .bool(let b): return b ? sharedTrue : sharedFalse
        case .int(let i) where i >= 0 && i < sharedInts.count: return sharedInts[i]
        case .string(let s) where s.isEmpty: return sharedEmptyString
        default: return .literal(value)
        }
    }

    private static let sharedNil = Expression.literal(.nil)
    private static let sharedTrue = Expression.literal(.bool(true))
    private static let sharedFalse = Expression.literal(.bool(false))
    private static let sharedEmptyString = Expression.literal(.string(""))
    private static let sharedInts = (0..<16).map { Expression.literal(.int($0)) }
}

/// A variable reference `a.b[0][c]`: a root and the segments below it. A class, so that an
/// expression holding it copies one reference instead of its arrays.
///
/// Almost all paths have at most two segments (`product.title`, `product.featured_image.src`),
/// so the first two are stored inline and only the rest go in an array: such a path costs one
/// allocation, not two.
public final class VariablePath: Sendable {
    public enum Segment: Sendable {
        case key(String)
        case index(Int)
        /// `[expr]`: the key is the value of an expression at render time.
        case dynamic(Expression)
    }

    /// A segment with its `KeyHash` (0 when it is not a `.key`), computed once when the template
    /// is parsed so that lookups compare integers.
    struct HashedSegment: Sendable {
        let segment: Segment
        let hash: Int
    }

    /// The root: usually `.key(name)`; `.dynamic` for `[expr]` at top level.
    public let root: Segment
    /// Byte offset in the template source, for errors and static analysis.
    public let offset: Int
    /// `KeyHash` of the root's name (0 when it is not a `.key`).
    let rootHash: Int
    /// The first and second segments, nil when the path is shorter.
    let first: HashedSegment?
    let second: HashedSegment?
    /// The segments after the second.
    let rest: [HashedSegment]

    public convenience init(root: Segment, segments: [Segment], offset: Int) {
        let hashed = segments.map { HashedSegment(segment: $0, hash: Self.hash($0)) }
        self.init(root: root, rootHash: Self.hash(root), first: hashed.first, second: hashed.count > 1 ? hashed[1] : nil,
                  rest: Array(hashed.dropFirst(2)), offset: offset)
    }

    init(root: Segment, rootHash: Int, first: HashedSegment?, second: HashedSegment?, rest: [HashedSegment], offset: Int) {
        self.root = root
        self.rootHash = rootHash
        self.first = first
        self.second = second
        self.rest = rest
        self.offset = offset
    }

    static func hash(_ s: Segment) -> Int {
        if case .key(let k) = s { return KeyHash.of(k) }
        return 0
    }

    /// The segments below the root, in order.
    public var segments: [Segment] {
        var all: [Segment] = []
        if let first { all.append(first.segment) }
        if let second { all.append(second.segment) }
        return all + rest.map(\.segment)
    }

    /// The path as written, for error messages and analysis (`a.b[0]`).
    public var description: String {
        var text = Self.describe(root, first: true)
        for s in segments { text += Self.describe(s, first: false) }
        return text
    }

    static func describe(_ s: Segment, first: Bool) -> String {
        switch s {
        case .key(let k): return first ? k : "." + k
        case .index(let i): return "[\(i)]"
        case .dynamic: return "[…]"
        }
    }
}

/// `| name: arg, key: value` — resolved to its function when the template is parsed.
/// A class: a render passes calls around by reference instead of copying their fields. The calls
/// of one expression form a list through `next`, so a chain costs one allocation per call and
/// no array.
///
/// Few stored references, as each is retained when the call is built and released when it is
/// freed: the function and writer are read through `definition`, and the name is stored only
/// when the definition does not already hold it.
public final class FilterCall: Sendable {
    /// nil when the environment has no such filter (lax mode passes the input through).
    let definition: FilterDefinition?
    /// `definition` without ownership (`definition` keeps it alive): a render calls the
    /// function through this without retaining the definition or its function.
    let definitionUnretained: Unmanaged<FilterDefinition>?
    /// The name as written, when it is not `definition.name` (no such filter, or a filter
    /// registered under another name).
    private let otherName: String?
    /// The arguments, when every one is a literal: built once here instead of on every call.
    let constantArguments: FilterArguments?
    /// The arguments as expressions, in order, when some are not literals; empty when
    /// `constantArguments` holds them all. One array for positional and keyword arguments:
    /// one reference to keep instead of two.
    let expressionArguments: [ExpressionArgument]
    public let offset: Int
    /// Whether `constantArguments` fit the filter's arity, so the check need not run per call.
    let constantArityChecked: Bool
    /// The filter applied after this one.
    let next: FilterCall?
    /// `next` without ownership (`next` keeps it alive): a render walks the chain through this
    /// without retaining and releasing each call.
    let nextUnretained: Unmanaged<FilterCall>?

    /// An argument that is evaluated per call.
    enum ExpressionArgument: Sendable {
        case positional(Expression)
        case keyword(String, Expression)
    }

    public var name: String { otherName ?? definition.unsafelyUnwrapped.name }

    /// A call whose arguments are all literals.
    convenience init(definition: FilterDefinition?, otherName: String?, constantArguments: FilterArguments, offset: Int,
                     next: FilterCall?) {
        let checked = definition.map { (try? $0.checkArity(constantArguments)) != nil } ?? false
        self.init(definition: definition, otherName: otherName, constantArguments: constantArguments, expressions: [],
                  offset: offset, constantArityChecked: checked, next: next)
    }

    /// A call with some argument that is not a literal.
    convenience init(definition: FilterDefinition?, otherName: String?, expressions: [ExpressionArgument], offset: Int,
                     next: FilterCall?) {
        self.init(definition: definition, otherName: otherName, constantArguments: nil, expressions: expressions, offset: offset,
                  constantArityChecked: false, next: next)
    }

    /// `otherName` must be nil only when `definition` holds the call's name.
    private init(definition: FilterDefinition?, otherName: String?, constantArguments: FilterArguments?,
                 expressions: [ExpressionArgument], offset: Int, constantArityChecked: Bool, next: FilterCall?) {
        precondition(otherName != nil || definition != nil)
        self.definition = definition
        self.definitionUnretained = definition.map(Unmanaged.passUnretained)
        self.otherName = otherName
        self.constantArguments = constantArguments
        self.expressionArguments = expressions
        self.offset = offset
        self.constantArityChecked = constantArityChecked
        self.next = next
        self.nextUnretained = next.map(Unmanaged.passUnretained)
    }

    /// This call followed by `next` instead of its own successor.
    func followed(by next: FilterCall?) -> FilterCall {
        FilterCall(definition: definition, otherName: otherName, constantArguments: constantArguments, expressions: expressionArguments,
                   offset: offset, constantArityChecked: constantArityChecked, next: next)
    }

    /// The positional arguments that are evaluated per call.
    var argumentExpressions: [Expression] {
        expressionArguments.compactMap { if case .positional(let e) = $0 { e } else { nil } }
    }

    /// The keyword arguments that are evaluated per call.
    var keywordExpressions: [(String, Expression)] {
        expressionArguments.compactMap { if case .keyword(let k, let e) = $0 { (k, e) } else { nil } }
    }

    public var arguments: [Expression] {
        if let constantArguments { return constantArguments.positional.map(Expression.literal) }
        return argumentExpressions
    }

    public var keywordArguments: [(String, Expression)] {
        if let constantArguments { return constantArguments.keywords.map { ($0.0, .literal($0.1)) } }
        return keywordExpressions
    }
}

/// An expression followed by filters: what `{{ }}`, `echo` and `assign` hold.
/// Three words, so a node holding just this fits an existential's inline buffer.
public struct FilteredExpression: Sendable {
    public var base: Expression
    /// The first filter; the others follow through `FilterCall.next`.
    var firstFilter: FilterCall?
    public var offset: Int

    public init(base: Expression, filters: [FilterCall] = [], offset: Int = 0) {
        self.base = base
        self.firstFilter = filters.reversed().reduce(nil) { next, call in call.followed(by: next) }
        self.offset = offset
    }

    init(base: Expression, firstFilter: FilterCall?, offset: Int) {
        self.base = base
        self.firstFilter = firstFilter
        self.offset = offset
    }

    /// The first filter of the expression stored at `p`, without retaining it (the stored
    /// expression keeps it alive). An optional reference and an optional `Unmanaged` share one
    /// representation: the object's address, or zero.
    @inline(__always)
    static func firstFilterUnretained(at p: UnsafePointer<FilteredExpression>) -> Unmanaged<FilterCall>? {
        UnsafeRawPointer(p).load(fromByteOffset: MemoryLayout<FilteredExpression>.offset(of: \.firstFilter)!,
                                 as: Unmanaged<FilterCall>?.self)
    }

    /// The filters in order.
    public var filters: [FilterCall] {
        var calls: [FilterCall] = []
        var call = firstFilter
        while let c = call {
            calls.append(c)
            call = c.next
        }
        return calls
    }
}

public enum ComparisonOperator: String, Sendable {
    case equal = "==", notEqual = "!=", lessThan = "<", greaterThan = ">"
    case lessOrEqual = "<=", greaterOrEqual = ">=", contains
}

/// An `if`/`unless`/`elsif` condition. `and`/`or` group right to left, as Shopify Liquid does.
/// Only `and`/`or` are boxed: a test or comparison (most conditions) is stored inline where it
/// is held, with no allocation of its own.
public enum Condition: Sendable {
    case test(Expression)
    case comparison(Expression, ComparisonOperator, Expression)
    indirect case and(Condition, Condition)
    indirect case or(Condition, Condition)
}
