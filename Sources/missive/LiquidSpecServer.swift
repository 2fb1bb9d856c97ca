import ArgumentParser
import Liquid

struct LiquidSpecServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liquid-spec-server",
        abstract: "JSON-RPC 2.0 on stdin/stdout for Shopify's liquid-spec conformance suite."
    )

    func run() throws {
        IO.error("liquid-spec-server: not yet implemented")
        throw ExitCode(1)
    }
}
