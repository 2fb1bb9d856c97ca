import Hummingbird
import Liquid
import Templates

/// The JSON API under `/api`, which the page uses and tools can call:
///
/// | route | what |
/// | --- | --- |
/// | `GET /api/project` | workflows (with steps), layouts, partials, translations, problem counts |
/// | `GET /api/problems` | what `missive check` reports |
/// | `GET /api/workflows/{key}` | one workflow and its default sample data |
/// | `POST /api/workflows/{key}/render` | render its channel steps for given data (default: its sample): `{"messages": [...]}` |
/// | `POST /api/render` | render an ad-hoc template with given data, partials, locale, layout |
/// | `GET /api/files?path=...` | the content of one of the project's files |
/// | `GET /api/events` | server-sent events: `change` after files are saved |
struct APIRoutes: Sendable {
    let state: PreviewState
    let hub: EventHub
    let bodyLimit: Int

    func register(on router: Router<BasicRequestContext>) {
        router.get("/api/project") { _, _ in
            let (project, version) = await state.snapshot()
            return Responses.json(ProjectJSON.listing(project, version: version))
        }
        router.get("/api/problems") { _, _ in
            let (project, _) = await state.snapshot()
            return Responses.json(ProjectJSON.problems(project.check()))
        }
        router.get("/api/workflows/:key") { _, context in
            let (project, _) = await state.snapshot()
            let workflow = try Self.workflow(context, in: project)
            var o = LiquidObject()
            if case .object(let w) = ProjectJSON.workflow(workflow, hasSample: project.samples[workflow.key] != nil) { o = w }
            o["sample"] = .object(DefaultSample.json(for: workflow, in: project, now: state.defaultNow))
            return Responses.json(.object(o))
        }
        router.post("/api/workflows/:key/render") { request, context in
            let body = try await JSONRequest.object(of: request, limit: bodyLimit, allowed: PreviewInput.keys.union(["step"]))
            let (project, version) = await state.snapshot()
            let workflow = try Self.workflow(context, in: project)
            let step = try JSONRequest.string(body, "step")
            if let step, workflow.step(ref: step) == nil {
                throw APIError.notFound("workflow '\(workflow.key)' has no step '\(step)'")
            }
            var inputJSON = body
            inputJSON["step"] = nil
            if !inputJSON.keys.contains(where: { $0 != "locale" && $0 != "now" }) {
                // No run data given: the workflow's sample (with the locale and now given, if any).
                var sample = DefaultSample.json(for: workflow, in: project, now: state.defaultNow)
                for (k, v) in inputJSON.pairs { sample[k] = v }
                inputJSON = sample
            }
            let input = try PreviewInput(json: inputJSON, defaultNow: state.defaultNow)
            let rendered = WorkflowRender(project, workflow.key, step: step, input: input)
            if let error = rendered.error { throw APIError.template(error) }
            return Responses.json(.object(LiquidObject([
                ("workflow", .string(workflow.key)),
                ("version", .int(version)),
                ("messages", .array(rendered.outcomes.map { $0.json() })),
            ])))
        }
        router.post("/api/render") { request, _ in
            let body = try await JSONRequest.object(of: request, limit: bodyLimit,
                                                    allowed: ["template", "name", "data", "partials", "locale", "layout", "now"])
            guard let source = try JSONRequest.string(body, "template") else {
                throw APIError.badRequest("missing_field", "'template' (the Liquid source to render) is required")
            }
            let (project, _) = await state.snapshot()
            var inputJSON = try JSONRequest.object(body, "data") ?? LiquidObject()
            if inputJSON.keys.contains(where: { !PreviewInput.keys.contains($0) }) {
                // Plain trigger data, not a run scope.
                inputJSON = LiquidObject([("data", .object(inputJSON))])
            }
            if let now = body["now"] { inputJSON["now"] = now }
            let input = try PreviewInput(json: inputJSON, defaultNow: state.defaultNow)
            let partials = try AdHocRender.partials(from: JSONRequest.object(body, "partials") ?? LiquidObject())
            let layout = try JSONRequest.string(body, "layout")
            if let layout, project.layouts[layout] == nil {
                throw APIError.notFound("layout '\(layout)' does not exist in this project")
            }
            do {
                let r = try AdHocRender.render(project, source: source, name: try JSONRequest.string(body, "name") ?? "template",
                                               scope: input.scope, locale: try JSONRequest.string(body, "locale") ?? input.locale,
                                               layoutKey: layout, now: input.now, extraPartials: partials)
                return Responses.json(.object(LiquidObject([
                    ("output", .string(r.output)),
                    ("text", r.text.map(Value.string) ?? .nil),
                    ("warnings", .array(r.warnings.map(Value.string))),
                ])))
            } catch let error as LiquidError {
                throw APIError.template(error)
            }
        }
        router.get("/api/files") { request, _ in
            guard let path = request.uri.queryParameters["path"].map(String.init) else {
                throw APIError.badRequest("missing_field", "give the file as ?path=templates/<workflow>/workflow.json")
            }
            let (project, _) = await state.snapshot()
            do {
                let content = try ProjectFileAccess.read(path, in: project)
                return Responses.json(.object(LiquidObject([("path", .string(path)), ("content", .string(content))])))
            } catch ProjectFileAccess.Refusal.badPath(let why) {
                throw APIError.badRequest("bad_path", why)
            } catch ProjectFileAccess.Refusal.notInProject(let why) {
                throw APIError.notFound(why)
            }
        }
        router.get("/api/events") { _, _ in
            let stream = await hub.subscribe(version: await state.version)
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                for await frame in stream {
                    try await writer.write(ByteBuffer(string: frame))
                }
                try await writer.finish(nil)
            })
        }
    }

    private static func workflow(_ context: BasicRequestContext, in project: Project) throws -> Workflow {
        let key = context.parameters.get("key") ?? ""
        guard let workflow = project.workflows[key] else {
            throw APIError.notFound("there is no workflow '\(key)' in this project")
        }
        return workflow
    }
}

/// Turns errors into answers: `APIError` into its JSON; Hummingbird's own (no such route, wrong
/// method) into the same JSON shape under `/api`; anything else into a 500 that says what happened.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return Self.isJSON(request) ? Responses.error(error) : PageErrors.response(error)
        } catch let error as HTTPError {
            let code = Int(error.status.code)
            let apiError = APIError(code, code == 404 ? "not_found" : "http_\(code)",
                                    error.body ?? "\(request.method) \(request.uri.path): \(error.status.reasonPhrase)")
            return Self.isJSON(request) ? Responses.error(apiError) : PageErrors.response(apiError)
        } catch {
            let apiError = APIError(500, "internal_error", "\(error)")
            return Self.isJSON(request) ? Responses.error(apiError) : PageErrors.response(apiError)
        }
    }

    /// The API and the page's fragment routes answer errors in JSON; the page in HTML.
    static func isJSON(_ request: Request) -> Bool {
        request.uri.path.hasPrefix("/api") || request.uri.path.hasPrefix("/ui/")
    }
}
