import Hummingbird
import Liquid
import Templates

/// The page and the fragments its script swaps in:
///
/// | route | what |
/// | --- | --- |
/// | `GET /` | the whole page for a selection (`?workflow=mention&step=email_1`, `?layout=...`) |
/// | `GET /ui/stage?workflow=&step=` | a workflow's rendered steps with its default sample |
/// | `POST /ui/stage` | the same for edited sample data: `{"workflow", "step", "sample"}` |
/// | `GET /ui/main?...` | the main view of a selection (after a change to what it shows) |
/// | `GET /ui/sidebar?...` and `GET /ui/badge` | the sidebar and the problems badge, after the project's outline changed |
struct PageRoutes: Sendable {
    let state: PreviewState
    let bodyLimit: Int

    func register(on router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in
            let (project, version) = await state.snapshot()
            let selection = Selection(request).resolved(in: project)
            let problems = project.check()
            let (title, main) = await mainView(selection, project: project, problems: problems)
            let counts = (problems.filter { $0.severity == .error }.count, problems.filter { $0.severity == .warning }.count)
            var response = Responses.html(PageShell.render(project: project, selection: selection, version: version, title: title,
                                                           main: main, problemCounts: counts))
            response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
            return response
        }
        router.get("/ui/main") { request, _ in
            let (project, _) = await state.snapshot()
            let selection = Selection(request).resolved(in: project)
            return Responses.html(await mainView(selection, project: project, problems: project.check()).main)
        }
        router.get("/ui/sidebar") { request, _ in
            let (project, _) = await state.snapshot()
            return Responses.html(Sidebar.render(project, selection: Selection(request).resolved(in: project)))
        }
        router.get("/ui/badge") { _, _ in
            let (project, _) = await state.snapshot()
            let problems = project.check()
            let errors = problems.filter { $0.severity == .error }.count
            return Responses.html(PageShell.badge(errors: errors, warnings: problems.count - errors))
        }
        router.get("/ui/stage") { request, _ in
            let (project, _) = await state.snapshot()
            guard case .workflow(let key, let step) = Selection(request), let workflow = project.workflows[key] else {
                throw APIError.notFound("there is no such workflow in this project")
            }
            let result = await state.defaultRender(key)
            return Responses.html(StageView.render(workflow, result, selected: step, project: project, now: state.defaultNow, custom: false))
        }
        router.post("/ui/stage") { request, _ in
            let body = try await JSONRequest.object(of: request, limit: bodyLimit, allowed: ["workflow", "step", "sample"])
            let (project, _) = await state.snapshot()
            guard let key = try JSONRequest.string(body, "workflow"), let workflow = project.workflows[key] else {
                throw APIError.notFound("there is no such workflow in this project")
            }
            let sample = try JSONRequest.object(body, "sample") ?? LiquidObject()
            let unknown = sample.keys.filter { !PreviewInput.keys.contains($0) }
            if !unknown.isEmpty {
                throw APIError.badRequest("unknown_key", "unknown key \(unknown.map { "'\($0)'" }.joined(separator: ", ")) in the sample; expected "
                    + PreviewInput.keys.sorted().joined(separator: ", "))
            }
            let input = try PreviewInput(json: sample, defaultNow: state.defaultNow)
            let result = WorkflowRender(project, key, input: input)
            return Responses.html(StageView.render(workflow, result, selected: try JSONRequest.string(body, "step"), project: project,
                                                   now: input.now, custom: true))
        }
        router.get("/assets/app.css") { _, _ in Responses.text(PageStyle.css, type: "text/css; charset=utf-8") }
        router.get("/assets/app.js") { _, _ in Responses.text(PageScript.js, type: "text/javascript; charset=utf-8") }
        router.get("/favicon.svg") { _, _ in
            Responses.text("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\"><rect x=\"2\" y=\"4\" width=\"20\" height=\"16\" rx=\"4\" fill=\"#5b5bd6\"/><path d=\"M6 9l6 4 6-4\" stroke=\"#fff\" stroke-width=\"2\" fill=\"none\" stroke-linecap=\"round\"/></svg>",
                           type: "image/svg+xml")
        }
    }

    /// Scripts only from the server itself; email frames inherit this policy, so a template's
    /// scripts never run even if a browser ignored the sandbox. Images, fonts and styles may come
    /// from anywhere, as in a mail client.
    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline' https: http:; "
        + "img-src * data: blob:; font-src * data:; connect-src 'self'; frame-src 'self' about:; object-src 'none'; "
        + "base-uri 'none'; form-action 'none'"

    /// The title and main view of a selection.
    func mainView(_ selection: Selection, project: Project, problems: [Problem]) async -> (title: String, main: String) {
        switch selection {
        case .workflow(let key, let step):
            guard let workflow = project.workflows[key] else {
                return ("Not found", ResourcePages.missing("workflow", key))
            }
            let result = await state.defaultRender(key)
            let stage = StageView.render(workflow, result, selected: step, project: project, now: state.defaultNow, custom: false)
            let files = WorkflowPage.files(of: workflow, in: project)
            return (workflow.name, WorkflowPage.render(workflow, stage: stage, project: project,
                                                       problems: problems.filter { files.contains($0.file) }, now: state.defaultNow))
        case .layout(let key):
            return (project.layouts[key]?.name ?? key, ResourcePages.layout(key, project: project, now: state.defaultNow))
        case .partial(let key):
            return (project.partials[key]?.name ?? key, ResourcePages.partial(key, project: project, now: state.defaultNow))
        case .translation(let name):
            return ("Translations " + name, ResourcePages.translation(name, project: project))
        case .problems, .start:
            return ("Problems", ProblemsPage.render(problems))
        }
    }
}
