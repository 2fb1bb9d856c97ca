import ArgumentParser

@main
struct Missive: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "missive",
        abstract: "A fast Liquid engine for notification templates.",
        subcommands: [RenderCommand.self, CheckCommand.self, PreviewCommand.self, TranslationsCommand.self,
                      LiquidSpecServerCommand.self]
    )
}
