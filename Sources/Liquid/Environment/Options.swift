/// How strictly templates are parsed, with Shopify Liquid's meanings.
public enum ErrorMode: String, Sendable {
    /// Shopify's default: malformed markup is read as leniently as Shopify reads it.
    case lax
    /// Malformed markup is a syntax error.
    case strict
}

/// What a render does with an error raised by a node.
public enum RenderErrorPolicy: Sendable {
    /// Write `Liquid error (line N): message` in place of the node's output and go on, as Shopify does.
    case inline
    /// Stop the render and throw.
    case raise
}
