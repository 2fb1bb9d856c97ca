import ArgumentParser
import Liquid
import Templates

struct TranslationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translations",
        abstract: "Work with a project's translations.",
        subcommands: [Extract.self]
    )

    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write every {% t %} string the project uses into the default locale's system file, as Knock does on commit."
        )

        @Argument(help: "The project folder.") var project: String = "."
        @Flag(help: "List the strings; write nothing.") var dryRun = false

        func run() throws {
            let loaded = try Project.load(root: project)
            let strings = loaded.translationTagStrings()
            if dryRun {
                for s in strings { IO.write(JSONWriter.string(.string(s)) + "\n") }
                return
            }
            let update = loaded.systemTranslationsUpdate()
            let path = loaded.root + "/" + update.path
            try IO.writeFile(path, Array(JSONWriter.pretty(.object(update.content)).utf8))
            IO.write("\(update.path): \(strings.count) {% t %} strings, \(update.added) new\n")
        }
    }
}
