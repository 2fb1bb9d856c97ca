import ArgumentParser
import Templates

/// `missive check [DIR]`: load a project and report every problem, compiler style.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a project: its files, every Liquid template, and the names they use.",
        discussion: """
            Loads the project (missive.json, or knock.json from Knock's CLI), parses every template \
            field, layout and partial in strict mode, and checks that rendered partials and layouts \
            exist. Prints one line per problem (file:line:col: error|warning: message) and exits 1 \
            when there is an error.
            """
    )

    @Argument(help: "The project folder (default: the current folder).") var directory: String = "."
    @Flag(help: "Print only errors.") var quiet = false

    func run() throws {
        let project: Project
        do {
            project = try Project.load(root: directory)
        } catch {
            IO.error("missive check: \(error)")
            throw ExitCode(1)
        }
        let problems = project.check()
        let errors = problems.filter { $0.severity == .error }.count
        let warnings = problems.count - errors
        for problem in problems where !quiet || problem.severity == .error {
            IO.write(problem.description + "\n")
        }
        let counts = [
            plural(project.workflows.count, "workflow"), plural(project.layouts.count, "layout"),
            plural(project.partials.count, "partial"), plural(project.translations.count, "translation file"),
        ]
        IO.write("checked \(counts.joined(separator: ", ")): \(plural(errors, "error")), \(plural(warnings, "warning"))\n")
        if errors > 0 { throw ExitCode(1) }
    }

    private func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}
