import ArgumentParser
import Liquid

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a Liquid template.",
        discussion: "With --jsonl, reads one JSON request per line on stdin and answers one JSON line each (the batch protocol of the conformance runner)."
    )

    @Argument(help: "The template file.") var file: String?
    @Option(help: "JSON data for the template: a file, or - for stdin.") var data: String?
    @Flag(help: "Parse in strict mode (bad markup is an error).") var strict = false
    @Flag(help: "Undefined variables are errors.") var strictVariables = false
    @Flag(help: "Undefined filters are errors.") var strictFilters = false
    @Option(help: "Folder to load partials from (confined to it).") var partials: String?
    @Flag(help: "Speak the batch protocol on stdin/stdout.") var jsonl = false

    func run() throws {
        if jsonl {
            BatchProtocol.serve()
            return
        }
        guard let file else { throw ValidationError("give a template FILE, or --jsonl") }
        var env = Environment()
        env.errorMode = strict ? .strict : .lax
        env.strictVariables = strictVariables
        env.strictFilters = strictFilters
        env.renderErrors = .raise
        if let partials { env.loader = try FileSystemLoader(root: partials) }
        var globals = LiquidObject()
        if let data {
            let bytes = data == "-" ? IO.readStdin() : try IO.readFile(data)
            guard case .object(let o) = try JSONParser.parse(bytes) else { throw CLIError("--data must hold a JSON object") }
            globals = o
        }
        let source = try IO.readFile(file)
        do {
            let template = try env.parse(String(decoding: source, as: UTF8.self), name: file)
            var out = OutputBuffer(capacity: source.count * 2)
            try template.render(into: &out, globals: globals)
            IO.write(out.bytes)
        } catch let error as LiquidError {
            IO.error(error.description)
            throw ExitCode(1)
        }
    }
}
