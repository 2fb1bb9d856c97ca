import Liquid

extension Project {
    /// Everything `missive check` reports: the loading problems, plus every Liquid source of
    /// every workflow step (through branches and visual blocks), layout and partial parsed in
    /// strict mode with Knock's flavour, and references between resources checked (`render`
    /// partials, `layout_key`, partial blocks, `trigger_workflow` targets).
    public func check() -> [Problem] {
        var checker = TemplateChecker(project: self)
        checker.run()
        return (problems + checker.problems).sorted(by: Problem.ordered)
    }
}

/// Parses a project's Liquid and checks the names it uses.
struct TemplateChecker {
    let project: Project
    let environment: Environment
    private(set) var problems: [Problem] = []

    init(project: Project) {
        self.project = project
        var env = project.environment()
        env.errorMode = .strict
        environment = env
    }

    mutating func run() {
        for key in project.workflows.keys.sorted() {
            for step in project.workflows[key]!.allSteps { check(step) }
        }
        for key in project.layouts.keys.sorted() {
            let layout = project.layouts[key]!
            for field in layout.liquidFields {
                guard let template = parse(field) else { continue }
                let outputsContent = template.analyze().variables.contains { $0.name == "content" }
                if !outputsContent {
                    problems.append(Problem(field.jsonPath == "html_layout" ? .error : .warning, at: field.location,
                                            jsonPath: field.jsonPath,
                                            message: "\(field.jsonPath) must output {{ content }}, where the message body goes"))
                }
            }
        }
        for key in project.partials.keys.sorted() {
            _ = parse(project.partials[key]!.liquidField)
        }
    }

    private mutating func check(_ step: Step) {
        for field in step.liquidFields { _ = parse(field) }
        guard let info = step.info else { return }
        switch step {
        case .channel(let channel):
            if case .object(let settings)? = channel.template["settings"], case .string(let layout)? = settings["layout_key"],
               project.layouts[layout] == nil
            {
                let path = "template.settings.layout_key"
                problems.append(Problem(.error, at: info.sources[path] ?? info.location, jsonPath: info.jsonPath + "." + path,
                                        message: "layout '\(layout)' does not exist"))
            }
            if case .array(let blocks)? = channel.template["visual_blocks"] {
                for (i, block) in blocks.enumerated() {
                    guard case .object(let b) = block, b["type"]?.stringValue == "partial",
                          let key = b["key"]?.stringValue, project.partials[key] == nil else { continue }
                    let path = "template.visual_blocks[\(i)].key"
                    problems.append(Problem(.error, at: info.sources[path] ?? info.location, jsonPath: info.jsonPath + "." + path,
                                            message: "partial '\(key)' does not exist"))
                }
            }
        case .triggerWorkflow(let trigger) where project.workflows[trigger.workflowKey] == nil:
            let path = "settings.workflow_key"
            problems.append(Problem(.warning, at: info.sources[path] ?? info.location, jsonPath: info.jsonPath + "." + path,
                                    message: "workflow '\(trigger.workflowKey)' does not exist in this project"))
        default:
            break
        }
    }

    /// Parse one source; report a syntax error or a `render` of a missing partial.
    private mutating func parse(_ field: LiquidField) -> Template? {
        let template: Template
        do {
            template = try environment.parse(field.source, name: field.location.file)
        } catch let error as LiquidError {
            let kind = error.kind.label
            report(field, line: error.line, column: error.column, "\(kind): \(error.message)")
            return nil
        } catch {
            report(field, line: nil, column: nil, "\(error)")
            return nil
        }
        for use in template.analyze().partials where project.partials[use.name] == nil {
            report(field, line: use.line, column: use.column, "partial '\(use.name)' does not exist")
        }
        return template
    }

    private mutating func report(_ field: LiquidField, line: Int?, column: Int?, _ message: String) {
        let at = field.projectPosition(line: line, column: column)
        problems.append(Problem(.error, file: field.location.file, jsonPath: field.jsonPath, line: at.line, column: at.column,
                                message: at.note.map { "\(message) (\($0))" } ?? message))
    }
}
