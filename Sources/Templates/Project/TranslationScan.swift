/// Finding translation files: `<translations>/<locale>/<locale>.json` (no namespace) and
/// `<translations>/<locale>/<namespace>.<locale>.json`.
enum TranslationScan {
    /// Every translation file, with the problems of files and folders that do not fit the layout.
    static func files(in folder: String, _ files: ProjectFiles, problems: inout [Problem]) -> [(TranslationID, String)] {
        guard let locales = files.list(folder) else { return [] }
        var found: [(TranslationID, String)] = []
        for entry in locales {
            let localeFolder = RelativePath.join(folder, entry.name)
            guard entry.isDirectory else {
                if entry.name.hasSuffix(".json") {
                    problems.append(Problem(.warning, file: localeFolder,
                                            message: "translation files go in a folder per locale (\(folder)/<locale>/<locale>.json); this file is skipped"))
                }
                continue
            }
            guard !files.isOutside(localeFolder) else {
                problems.append(Problem(.error, file: localeFolder,
                                        message: "the folder resolves outside the project folder (through a symlink); it is skipped"))
                continue
            }
            guard NameRules.isValidLocale(entry.name) else {
                problems.append(Problem(.error, file: localeFolder,
                                        message: "'\(entry.name)' is not a locale code like en, en-GB or zh-Hans; the folder is skipped"))
                continue
            }
            for file in files.list(localeFolder) ?? [] {
                let path = RelativePath.join(localeFolder, file.name)
                if file.isDirectory {
                    problems.append(Problem(.warning, file: path, message: "folders inside a locale folder are not read"))
                    continue
                }
                switch parse(fileName: file.name, folderLocale: entry.name) {
                case .success(let id): found.append((id, path))
                case .failure(let problem): problems.append(Problem(problem.severity, file: path, message: problem.message))
                }
            }
        }
        return found
    }

    /// The translation a project path names, nil when it is not a translation file's path.
    static func id(of path: String, translationsFolder: String) -> TranslationID? {
        let prefix = translationsFolder.isEmpty ? "" : translationsFolder + "/"
        guard path.hasPrefix(prefix) else { return nil }
        let parts = path.dropFirst(prefix.count).split(separator: "/")
        guard parts.count == 2, NameRules.isValidLocale(String(parts[0])) else { return nil }
        return try? parse(fileName: String(parts[1]), folderLocale: String(parts[0])).get()
    }

    struct Misfit: Error {
        let severity: Problem.Severity
        let message: String
    }

    static func parse(fileName: String, folderLocale: String) -> Result<TranslationID, Misfit> {
        if fileName.hasSuffix(".po") {
            return .failure(Misfit(severity: .warning, message: "gettext (.po) translations are not supported yet; the file is skipped"))
        }
        guard fileName.hasSuffix(".json") else {
            return .failure(Misfit(severity: .warning, message: "not a translation file (expected <locale>.json or <namespace>.<locale>.json); skipped"))
        }
        let base = String(fileName.dropLast(5))
        var namespace: String? = nil
        var locale = base
        if let dot = base.lastIndex(of: ".") {
            namespace = String(base[..<dot])
            locale = String(base[base.index(after: dot)...])
        }
        guard locale == folderLocale else {
            return .failure(Misfit(severity: .error,
                                   message: "the file names locale '\(locale)' but is in the folder of '\(folderLocale)'; it is skipped"))
        }
        if let namespace, let why = NameRules.keyProblem(namespace, what: "namespace") {
            return .failure(Misfit(severity: .error, message: why + "; the file is skipped"))
        }
        return .success(TranslationID(locale: locale, namespace: namespace))
    }
}
