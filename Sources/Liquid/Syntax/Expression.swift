/// A compiled expression: literals are folded into values, paths pre-split into segments.
/// One word, and trivial: literals, paths and ranges are addresses in the template's arena, so
/// copying or dropping an expression (or a node holding only expressions) touches no reference
/// count. Nodes hold expressions inline, and a node of at most three words is stored in its
/// `any Node` without an allocation.
public enum Expression: Sendable {
    case literal(Literal)
    case variable(VariablePath)
    /// `(a..b)` whose bounds are not both literals (those are folded into a range value).
    case range(RangeExpression)
    /// The special `empty` literal: equal to "", [] and {}; renders as "".
    case empty
    /// The special `blank` literal: equal to nil, false, "", whitespace, [] and {}; renders as "".
    case blank
}

extension Expression {
    /// The path of a `.variable`, read from where a node stores the expression (a path is an
    /// address: reading it copies nothing the expression holds).
    @inline(__always)
    var path: VariablePath? {
        if case .variable(let path) = self { return path }
        return nil
    }

    /// A literal stored in `arena`, or shared by all templates for the commonest values (nil,
    /// booleans, small integers, ""), so `x == 0` or `flag == true` stores nothing.
    static func constant(_ value: consuming Value, in arena: SyntaxArena) -> Expression {
        switch value {
        case .nil: return sharedNil
        case .bool(let b): return b ? sharedTrue : sharedFalse
        case .int(let i) where i >= 0 && i < sharedInts.count: return sharedInts[i]
        case .string(let s) where s.isEmpty: return sharedEmptyString
        default: return .literal(Literal(value, in: arena))
        }
    }

    /// Where the shared literals live: an arena never freed.
    private static let sharedArena = SyntaxArena(sourceBytes: 0)
    private static let sharedNil = Expression.literal(Literal(.nil, in: sharedArena))
    private static let sharedTrue = Expression.literal(Literal(.bool(true), in: sharedArena))
    private static let sharedFalse = Expression.literal(Literal(.bool(false), in: sharedArena))
    private static let sharedEmptyString = Expression.literal(Literal(.string(""), in: sharedArena))
    private static let sharedInts = (0..<16).map { Expression.literal(Literal(.int($0), in: sharedArena)) }
}

/// The bounds of a `(a..b)` range expression, stored in its template's `SyntaxArena`.
public struct RangeExpression: Sendable {
    struct Bounds {
        let lower: Expression
        let upper: Expression
    }

    private let ref: ArenaRef<Bounds>

    init(lower: Expression, upper: Expression, in arena: SyntaxArena) {
        ref = arena.ranges.store(Bounds(lower: lower, upper: upper))
    }

    public var lower: Expression { ref.pointer.pointee.lower }
    public var upper: Expression { ref.pointer.pointee.upper }
}

/// A literal value, stored in its template's `SyntaxArena` and referred to by address (see
/// `VariablePath`): no box per literal. Valid as long as its template.
public struct Literal: Sendable {
    private let ref: ArenaRef<Value>

    init(_ value: consuming Value, in arena: SyntaxArena) {
        ref = arena.literals.store(value)
    }

    /// The value, read where it is stored.
    @inline(__always)
    public var value: Value { ref.pointer.pointee }
}

/// A variable reference `a.b[0][c]`: a root and the segments below it. Stored in its template's
/// `SyntaxArena` and referred to by address: copying a path (or an expression holding one)
/// counts no references, and a template's paths cost a few allocations together instead of one
/// each. Valid as long as its template.
///
/// Almost all paths have at most two segments (`product.title`, `product.featured_image.src`),
/// so the first two are stored inline and only the rest go in an array.
public struct VariablePath: Sendable {
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

    /// What a path holds, in its template's arena.
    struct Storage {
        /// The root: usually `.key(name)`; `.dynamic` for `[expr]` at top level.
        let root: Segment
        let offset: Int
        /// `KeyHash` of the root's name (0 when it is not a `.key`).
        let rootHash: Int
        /// The first and second segments, nil when the path is shorter.
        let first: HashedSegment?
        let second: HashedSegment?
        /// The segments after the second.
        let rest: [HashedSegment]
    }

    private let ref: ArenaRef<Storage>

    @inline(__always)
    init(_ storage: consuming Storage, in arena: SyntaxArena) {
        ref = arena.paths.store(consume storage)
    }

    @inline(__always)
    var storage: UnsafePointer<Storage> { ref.pointer }

    /// The root: usually `.key(name)`; `.dynamic` for `[expr]` at top level.
    public var root: Segment { storage.pointee.root }
    /// Byte offset in the template source, for errors and static analysis.
    public var offset: Int { storage.pointee.offset }
    var rootHash: Int { storage.pointee.rootHash }
    var first: HashedSegment? { storage.pointee.first }
    var second: HashedSegment? { storage.pointee.second }
    var rest: [HashedSegment] { storage.pointee.rest }

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
/// Stored in its template's `SyntaxArena` and referred to by address, like a `VariablePath`: the
/// calls of one expression form a list through `next`, and walking it counts no references.
/// Valid as long as its template.
public struct FilterCall: Sendable {
    /// What a call holds, in its template's arena.
    struct Storage {
        /// nil when the environment has no such filter (lax mode passes the input through).
        /// Without ownership: the template's environment holds every filter the template's
        /// calls were resolved to, for as long as the template (and so this call) exists. A
        /// render calls the function through this without retaining the definition or its
        /// function, and storing and freeing a call counts no references.
        let definitionUnretained: Unmanaged<FilterDefinition>?
        /// The name as written, when it is not `definition.name` (no such filter, or a filter
        /// registered under another name).
        let otherName: String?
        /// The arguments, when every one is a literal and there is one: built once here instead
        /// of on every call.
        let constants: ConstantArguments?
        /// The literal arguments without ownership (`constants`, or the shared empty arguments),
        /// for a render to pass on without copying them; nil when some argument is an expression.
        let constantsUnretained: Unmanaged<ConstantArguments>?
        /// The arguments as expressions, in order, when some are not literals; empty when
        /// `constants` holds them all. One array for positional and keyword arguments.
        let expressionArguments: [ExpressionArgument]
        let offset: Int
        /// Whether `constants` fit the filter's arity, so the check need not run per call.
        let constantArityChecked: Bool
        /// The filter applied after this one.
        let next: FilterCall?
    }

    /// An argument that is evaluated per call.
    enum ExpressionArgument: Sendable {
        case positional(Expression)
        case keyword(String, Expression)
    }

    /// A call's literal arguments, in an object: a render passes them to the filter straight
    /// from the object's `let` (read from the arena they would be copied, arrays retained, on
    /// every call). Calls without arguments share one, which is never freed.
    final class ConstantArguments: Sendable {
        let arguments: FilterArguments
        init(_ arguments: consuming FilterArguments) { self.arguments = arguments }
        private static let none = ConstantArguments(FilterArguments())
        static let noneUnretained = Unmanaged.passUnretained(none)
    }

    private let ref: ArenaRef<Storage>

    @inline(__always)
    var storage: UnsafePointer<Storage> { ref.pointer }

    /// A call whose arguments are all literals.
    init(definition definitionUnretained: Unmanaged<FilterDefinition>?, otherName: consuming String?,
         constantArguments: consuming FilterArguments, offset: Int, next: FilterCall?, in arena: SyntaxArena) {
        let checked = definitionUnretained.map { d in
            d._withUnsafeGuaranteedRef { (try? $0.checkArity(constantArguments)) != nil }
        } ?? false
        // No arguments (most calls): the shared empty arguments, unretained.
        let constants = constantArguments.positional.isEmpty && constantArguments.keywords.isEmpty
            ? nil : ConstantArguments(consume constantArguments)
        let constantsUnretained = constants.map(Unmanaged.passUnretained) ?? ConstantArguments.noneUnretained
        self.init(Storage(definitionUnretained: definitionUnretained,
                          otherName: consume otherName, constants: consume constants, constantsUnretained: constantsUnretained,
                          expressionArguments: [], offset: offset, constantArityChecked: checked, next: next), in: arena)
    }

    /// A call with some argument that is not a literal.
    init(definition definitionUnretained: Unmanaged<FilterDefinition>?, otherName: consuming String?,
         expressions: consuming [ExpressionArgument], offset: Int, next: FilterCall?, in arena: SyntaxArena) {
        self.init(Storage(definitionUnretained: definitionUnretained,
                          otherName: consume otherName, constants: nil, constantsUnretained: nil,
                          expressionArguments: consume expressions, offset: offset, constantArityChecked: false, next: next),
                  in: arena)
    }

    /// `otherName` must be nil only when `definition` holds the call's name.
    @inline(__always)
    private init(_ storage: consuming Storage, in arena: SyntaxArena) {
        precondition(storage.otherName != nil || storage.definitionUnretained != nil)
        ref = arena.calls.store(consume storage)
    }

    var definitionUnretained: Unmanaged<FilterDefinition>? { storage.pointee.definitionUnretained }
    /// The literal arguments, nil when some argument is an expression.
    var constantArguments: FilterArguments? {
        guard let constants = storage.pointee.constantsUnretained else { return nil }
        return constants._withUnsafeGuaranteedRef { $0.arguments }
    }
    var constantsUnretained: Unmanaged<ConstantArguments>? { storage.pointee.constantsUnretained }
    var expressionArguments: [ExpressionArgument] { storage.pointee.expressionArguments }
    var constantArityChecked: Bool { storage.pointee.constantArityChecked }
    /// The filter applied after this one.
    var next: FilterCall? { storage.pointee.next }
    public var offset: Int { storage.pointee.offset }

    public var name: String {
        storage.pointee.otherName ?? storage.pointee.definitionUnretained.unsafelyUnwrapped._withUnsafeGuaranteedRef { $0.name }
    }
}

/// An expression followed by filters: what `{{ }}`, `echo` and `assign` hold.
/// Three words, so a node holding just this fits an existential's inline buffer.
public struct FilteredExpression: Sendable {
    public var base: Expression
    /// The first filter; the others follow through `FilterCall.next`.
    var firstFilter: FilterCall?
    public var offset: Int

    init(base: Expression, firstFilter: FilterCall?, offset: Int) {
        self.base = base
        self.firstFilter = firstFilter
        self.offset = offset
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
