/// The arguments a filter receives after its input: `| f: a, b, key: c`.
public struct FilterArguments: Sendable {
    public let positional: [Value]
    public let keywords: [(String, Value)]

    public init(_ positional: [Value] = [], keywords: [(String, Value)] = []) {
        self.positional = positional
        self.keywords = keywords
    }

    @inlinable public var count: Int { positional.count }

    /// The positional argument at `index`, or nil when it was not given.
    @inlinable public subscript(index: Int) -> Value? {
        // `.none` spelled out: a bare `nil` here would become `Value.nil` through its nil literal.
        index < positional.count ? .some(positional[index]) : .none
    }

    public func keyword(_ name: String) -> Value? {
        keywords.last(where: { $0.0 == name })?.1
    }
}

public typealias FilterWriter = @Sendable (_ input: Value, _ arguments: FilterArguments, _ context: RenderContext, _ out: inout OutputBuffer) throws -> Void

/// A filter whose result is its input's text with text of its own around it (`<script src="`
/// input `"></script>`), written with the input's text supplied by `writeInput`, which it calls
/// once where that text goes. See `FilterDefinition.wrapper`.
public typealias FilterWrapper = @Sendable (_ writeInput: (inout OutputBuffer) throws -> Void, _ arguments: FilterArguments,
                                            _ context: RenderContext, _ out: inout OutputBuffer) throws -> Void

public typealias FilterFunction = @Sendable (_ input: Value, _ arguments: FilterArguments, _ context: RenderContext) throws -> Value

/// A filter as the environment knows it: its name, how many arguments it takes, and its function.
/// A class: every parsed call and every name-table hit holds it by one reference instead of
/// copying its strings and closures.
/// Arity is checked before the call, with Ruby's message (`given 1, expected 2`; the input counts).
public final class FilterDefinition: Sendable {
    public let name: String
    public let minArguments: Int
    public let maxArguments: Int
    /// Whether keyword arguments are understood (Ruby passes them as one trailing hash argument).
    public let acceptsKeywords: Bool
    public let function: FilterFunction
    /// The same filter writing its result into the render's output instead of returning it:
    /// used when the filter is the last of an output (`{{ price | money }}`), so no String is
    /// made for the result. It must write exactly what `function`'s result would print, and
    /// throw, if at all, before writing anything.
    public var writer: FilterWriter? { hasWriter ? writerFunction : nil }
    /// For a filter whose result is its input's text with text around it: the same filter
    /// written around its input, whose text another filter's writer supplies. Used when the
    /// filter is the last of an output and the one before it has a writer
    /// (`{{ 'a.js' | asset_url | script_tag }}`), so that neither makes a String. It must write
    /// exactly what `writer` (or `function`'s result) would for an input printing as what
    /// `writeInput` writes; output written before an error is taken back. A filter given a
    /// wrapper and no writer gets one from it, wrapping the input's text.
    public var wrapper: FilterWrapper? { hasWrapper ? wrapperFunction : nil }
    /// Whether the filter is pure: its result (and whether it throws) depends only on its input
    /// and arguments, never on the context, the clock, chance or anything else. An output whose
    /// input and arguments are literals and whose filters are all pure is computed once, when
    /// its template is parsed (`{{ 'a.css' | asset_url | stylesheet_tag }}`; see
    /// `ConstantFolding`). False unless said: never for `date` (now), `t`, random-like filters
    /// or filters reading variables.
    public let isPure: Bool

    /// `writer` and `wrapper` as stored: not optional, so that a render calls them straight from
    /// these `let`s (an optional closure is copied, its context retained and released, to be
    /// called). A stub where the filter has none, never called.
    let writerFunction: FilterWriter
    let hasWriter: Bool
    let wrapperFunction: FilterWrapper
    let hasWrapper: Bool
    private static let noWriter: FilterWriter = { _, _, _, _ in }
    private static let noWrapper: FilterWrapper = { _, _, _, _ in }

    public init(_ name: String, arguments: ClosedRange<Int> = 0...0, keywords: Bool = false,
                _ function: @escaping FilterFunction, writer: FilterWriter? = nil, wrapper: FilterWrapper? = nil,
                pure: Bool = false)
    {
        self.name = name
        self.isPure = pure
        self.minArguments = arguments.lowerBound
        self.maxArguments = arguments.upperBound
        self.acceptsKeywords = keywords
        self.function = function
        if let writer {
            self.writerFunction = writer
            self.hasWriter = true
        } else if let wrapper {
            // A wrapper is a writer too: the input's text is what it wraps.
            self.writerFunction = { input, arguments, context, out in
                try wrapper({ $0.append(input.liquidString) }, arguments, context, &out)
            }
            self.hasWriter = true
        } else {
            self.writerFunction = Self.noWriter
            self.hasWriter = false
        }
        if let wrapper {
            self.wrapperFunction = wrapper
            self.hasWrapper = true
        } else {
            self.wrapperFunction = Self.noWrapper
            self.hasWrapper = false
        }
    }

    /// The same filter (its name, arity, function, writer and wrapper), marked pure.
    private init(pure definition: FilterDefinition) {
        name = definition.name
        minArguments = definition.minArguments
        maxArguments = definition.maxArguments
        acceptsKeywords = definition.acceptsKeywords
        function = definition.function
        writerFunction = definition.writerFunction
        hasWriter = definition.hasWriter
        wrapperFunction = definition.wrapperFunction
        hasWrapper = definition.hasWrapper
        isPure = true
    }

    /// This filter marked pure (see `isPure`): for definitions listed elsewhere.
    public func markedPure() -> FilterDefinition { isPure ? self : FilterDefinition(pure: self) }

    @inline(__always)
    func checkArity(_ arguments: FilterArguments) throws {
        // Ruby counts keyword arguments as one extra positional hash unless the filter takes them.
        let given = arguments.count + (arguments.keywords.isEmpty || acceptsKeywords ? 0 : 1)
        guard given < minArguments || given > maxArguments else { return }
        throw arityError(given: given)
    }

    /// Ruby's message for a call with `given` arguments (the input not counted).
    private func arityError(given: Int) -> LiquidError {
        let expected = minArguments == maxArguments ? "\(minArguments + 1)"
            : maxArguments == Int.max ? "\(minArguments + 1)+" : "\(minArguments + 1)..\(maxArguments + 1)"
        return LiquidError.argument("wrong number of arguments (given \(given + 1), expected \(expected))")
    }
}
