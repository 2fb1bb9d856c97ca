@testable import Liquid

/// Render a template with errors raised, for one-line assertions.
func render(_ source: String, _ data: LiquidObject = [:], mode: ErrorMode = .lax, partials: [String: String] = [:],
            configure: (inout Environment) -> Void = { _ in }) throws -> String
{
    var env = Environment()
    env.errorMode = mode
    env.renderErrors = .raise
    env.loader = InMemoryLoader(partials)
    configure(&env)
    return try env.parse(source, name: "test").render(globals: data)
}

/// The error a template raises (parsing or rendering), or nil.
func error(_ source: String, _ data: LiquidObject = [:], mode: ErrorMode = .lax, partials: [String: String] = [:],
           configure: (inout Environment) -> Void = { _ in }) -> LiquidError?
{
    do {
        _ = try render(source, data, mode: mode, partials: partials, configure: configure)
        return nil
    } catch let e as LiquidError {
        return e
    } catch {
        return LiquidError.render("\(error)")
    }
}
