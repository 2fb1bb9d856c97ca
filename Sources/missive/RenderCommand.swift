import ArgumentParser
import Liquid
import Templates

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a Liquid template, or a workflow's channel steps.",
        discussion: """
            With --jsonl, reads one JSON request per line on stdin and answers one JSON line each (the batch \
            protocol of the conformance runner).

            With --workflow KEY, renders every channel step of a project's workflow (the example project in \
            the current folder unless --project says otherwise) for the workflow's sample data, or --data, \
            and prints each message, or all of them as JSON with --json. Exits 1 when a step fails.
            """
    )

    @Argument(help: "The template file.") var file: String?
    @Option(help: "JSON data for the template: a file, or - for stdin.") var data: String?
    @Flag(help: "Parse in strict mode (bad markup is an error).") var strict = false
    @Flag(help: "Undefined variables are errors.") var strictVariables = false
    @Flag(help: "Undefined filters are errors.") var strictFilters = false
    @Option(help: "Folder to load partials from (confined to it).") var partials: String?
    @Flag(help: "Speak the batch protocol on stdin/stdout.") var jsonl = false
    @OptionGroup var limits: LimitOptions
    @Option(help: "Render with a Knock project's partials, translations and layouts (a folder; `.` for the example project).")
    var project: String?
    @Option(help: "With --project: the locale for translations (default: the recipient's, then the project's).")
    var locale: String?
    @Option(help: "With --project: wrap the output in this email layout.") var layout: String?
    @Option(help: "Render this workflow's channel steps (the project is --project, default the current folder).")
    var workflow: String?
    @Option(help: "With --workflow: only this step (its ref).") var step: String?
    @Option(help: "With --workflow: the recipient, a JSON file or a user id from the sample data.") var recipient: String?
    @Option(help: "With --workflow: the actor, a JSON file or a user id.") var actor: String?
    @Option(help: "With --workflow: the tenant, a JSON file or a tenant id.") var tenant: String?
    @Flag(help: "With --workflow: print the messages as JSON.") var json = false
    @Flag(help: "With --workflow: render steps the recipient lacks channel data for (with a warning) instead of skipping them.")
    var ignoreChannelData = false
    @Option(help: "With --workflow: the time of the run (ISO 8601), for `now`, `timestamp` and message times.")
    var now: String?

    func run() throws {
        if jsonl {
            BatchProtocol.serve()
            return
        }
        if let workflow { return try renderWorkflow(workflow) }
        guard let file else { throw ValidationError("give a template FILE, --workflow KEY, or --jsonl") }
        if let project { return try renderInProject(file: file, projectRoot: project) }
        var env = Environment()
        env.errorMode = strict ? .strict : .lax
        env.strictVariables = strictVariables
        env.strictFilters = strictFilters
        env.renderErrors = .raise
        limits.apply(to: &env.limits)
        if let partials { env.loader = try FileSystemLoader(root: partials) }
        var globals = LiquidObject()
        if let data {
            let bytes = data == "-" ? IO.readStdin() : try IO.readFile(data)
            guard case .object(let o) = try JSONParser.parse(bytes) else { throw CLIError("--data must hold a JSON object") }
            globals = o
        }
        let source = try IO.readFile(file)
        do {
            // (plain Liquid: no project)
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

extension RenderCommand {
    /// `--project`: Knock's flavour, the project's partials, translations and layouts; `--data`
    /// holds the run scope (`{"data": ..., "recipient": ...}`, or just the trigger data).
    func renderInProject(file: String, projectRoot: String) throws {
        let loaded = try Project.load(root: projectRoot)
        for problem in loaded.errors { IO.error(problem.description) }
        var scopeJSON = LiquidObject()
        if let data {
            let bytes = data == "-" ? IO.readStdin() : try IO.readFile(data)
            guard case .object(let o) = try JSONParser.parse(bytes) else { throw CLIError("--data must hold a JSON object") }
            scopeJSON = o
        }
        let source = String(decoding: try IO.readFile(file), as: UTF8.self)
        do {
            let rendered = try loaded.render(source: source, name: file, scope: RunScope(json: scopeJSON),
                                             locale: locale, layoutKey: layout)
            IO.write(rendered.output)
            for warning in rendered.warnings { IO.error("warning: " + warning) }
        } catch let error as LiquidError {
            IO.error(error.description)
            throw ExitCode(1)
        }
    }
}

/// Limits for untrusted templates; each defaults to the library's safe default.
struct LimitOptions: ParsableArguments {
    @Option(help: "Largest template accepted, in bytes.") var maxTemplateBytes: Int?
    @Option(help: "Deepest nesting of block tags.") var maxNestingDepth: Int?
    @Option(help: "Largest output, in bytes.") var maxOutputBytes: Int?
    @Option(help: "Total iterations of all loops.") var maxLoopIterations: Int?
    @Option(help: "Deepest chain of partials.") var maxPartialDepth: Int?

    func apply(to limits: inout Limits) {
        if let maxTemplateBytes { limits.maxTemplateBytes = maxTemplateBytes }
        if let maxNestingDepth { limits.maxNestingDepth = maxNestingDepth }
        if let maxOutputBytes { limits.maxOutputBytes = maxOutputBytes }
        if let maxLoopIterations { limits.maxLoopIterations = maxLoopIterations }
        if let maxPartialDepth { limits.maxPartialDepth = maxPartialDepth }
    }
}
