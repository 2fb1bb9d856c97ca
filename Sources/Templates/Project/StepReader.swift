import Liquid

/// Reads `steps` arrays (and the steps inside branches) into typed steps.
struct StepReader {
    let log: ProblemLog
    /// Refs seen so far in this workflow, to report duplicates.
    private var refs: [String: SourceLocation] = [:]

    init(log: ProblemLog) { self.log = log }

    /// Knock's limit on branches inside branches.
    static let maxBranchDepth = 5

    static let commonKeys: Set<String> = ["ref", "type", "name", "description", "conditions"]

    mutating func steps(_ items: [JSONNode], path: String, branchDepth: Int = 0) -> [Step] {
        items.enumerated().compactMap { i, node in step(node, path: path + "[\(i)]", branchDepth: branchDepth) }
    }

    mutating func step(_ node: JSONNode, path: String, branchDepth: Int) -> Step? {
        guard let r = FieldReader(node, path: path, log: log) else { return nil }
        guard let type = r.string("type", required: true) else { return nil }
        let ref = r.string("ref", required: true) ?? ""
        if !ref.isEmpty {
            if let first = refs[ref] {
                log.error(r.member("ref")!.keyLocation, r.path("ref"),
                          "step ref '\(ref)' is already used at line \(first.line ?? 0); refs must be unique in a workflow")
            } else {
                refs[ref] = r.member("ref")!.keyLocation
            }
            if let why = NameRules.keyProblem(ref, what: "step ref") { log.warning(r.member("ref")!.keyLocation, r.path("ref"), why) }
        }
        var sources: [String: SourceLocation] = [:]
        node.stringSources(into: &sources)
        let info = StepInfo(ref: ref, name: r.string("name"), description: r.string("description"),
                            conditions: r.conditions(), jsonPath: path, location: node.location, sources: sources)

        switch type {
        case "channel": return .channel(channel(r, info))
        case "batch": return .batch(batch(r, info))
        case "delay": return .delay(delay(r, info))
        case "branch": return branch(r, info, depth: branchDepth + 1).map(Step.branch)
        case "throttle": return .throttle(throttle(r, info))
        case "http_fetch": return httpFetch(r, info).map(Step.httpFetch)
        case "trigger_workflow": return triggerWorkflow(r, info).map(Step.triggerWorkflow)
        case "update_data": return updateData(r, info).map(Step.updateData)
        default:
            log.warning(r.member("type")!.keyLocation, r.path("type"),
                        "step type '\(type)' is not supported by Missive; the step will be skipped")
            return .unknown(type: type, node.value)
        }
    }

    /// The step's `settings` object, with its keys checked; an empty reader when absent.
    private func settings(_ r: FieldReader, known: Set<String>, what: String) -> FieldReader? {
        r.checkKeys(Self.commonKeys.union(["settings"]), what: "a \(what) step")
        guard let s = r.object("settings") else { return nil }
        s.checkKeys(known, what: "\(what) settings")
        return s
    }

    // MARK: function steps

    private func batch(_ r: FieldReader, _ info: StepInfo) -> BatchStep {
        var step = BatchStep(info: info)
        guard let s = settings(r, known: ["batch_key", "batch_window", "batch_until_field_path", "batch_window_type",
                                          "batch_window_extension_limit", "batch_order", "batch_execution_mode",
                                          "batch_items_max_limit", "batch_items_render_limit", "workflow_version_mode"],
                               what: "batch")
        else {
            r.missing("settings", "a batch needs batch_window or batch_until_field_path")
            return step
        }
        step.batchKey = s.string("batch_key")
        step.window = s.duration("batch_window")
        step.untilFieldPath = s.string("batch_until_field_path")
        step.windowType = s.choice("batch_window_type", BatchStep.WindowType.self) ?? .fixed
        step.windowExtensionLimit = s.duration("batch_window_extension_limit")
        step.order = s.choice("batch_order", BatchStep.Order.self) ?? .asc
        step.executionMode = s.choice("batch_execution_mode", BatchStep.ExecutionMode.self) ?? .accumulate
        step.itemsMaxLimit = s.int("batch_items_max_limit", in: 2...1000)
        step.itemsRenderLimit = s.int("batch_items_render_limit", in: 1...100)
        if step.window == nil && step.untilFieldPath == nil {
            s.missing("batch_window", "or batch_until_field_path")
        }
        return step
    }

    private func delay(_ r: FieldReader, _ info: StepInfo) -> DelayStep {
        var step = DelayStep(info: info)
        guard let s = settings(r, known: ["delay_for", "delay_until_field_path"], what: "delay") else {
            r.missing("settings", "a delay needs delay_for or delay_until_field_path")
            return step
        }
        step.delayFor = s.duration("delay_for")
        step.untilFieldPath = s.string("delay_until_field_path")
        if step.delayFor == nil && step.untilFieldPath == nil { s.missing("delay_for", "or delay_until_field_path") }
        return step
    }

    private func throttle(_ r: FieldReader, _ info: StepInfo) -> ThrottleStep {
        var step = ThrottleStep(info: info)
        guard let s = settings(r, known: ["throttle_window", "throttle_window_field_path", "throttle_key", "throttle_limit"],
                               what: "throttle")
        else {
            r.missing("settings", "a throttle needs throttle_window")
            return step
        }
        step.window = s.duration("throttle_window")
        step.windowFieldPath = s.string("throttle_window_field_path")
        step.key = s.string("throttle_key")
        step.limit = s.int("throttle_limit", in: 1...Int.max) ?? 1
        if step.window == nil && step.windowFieldPath == nil { s.missing("throttle_window", "or throttle_window_field_path") }
        return step
    }

    private func httpFetch(_ r: FieldReader, _ info: StepInfo) -> HTTPFetchStep? {
        guard let s = settings(r, known: ["method", "url", "headers", "query_params", "body", "response_path", "signing_key"],
                               what: "http_fetch")
        else {
            r.missing("settings", "an http_fetch needs a url")
            return nil
        }
        guard let url = s.string("url", required: true) else { return nil }
        var step = HTTPFetchStep(info: info, url: url)
        if let method = s.string("method") {
            let lower = method.lowercased()
            if ["get", "post", "put", "patch", "delete"].contains(lower) { step.method = lower } else {
                log.error(s.member("method")!.keyLocation, s.path("method"), "unknown HTTP method '\(method)'")
            }
        }
        step.headers = s.keyValues("headers")
        step.queryParams = s.keyValues("query_params")
        if let body = s.node("body") {
            // Knock stores the body as a JSON string; an object is accepted and kept as its JSON.
            step.body = body.string ?? JSONWriter.string(body.value)
        }
        step.responsePath = s.string("response_path")
        step.signingKey = s.string("signing_key")
        return step
    }

    private func triggerWorkflow(_ r: FieldReader, _ info: StepInfo) -> TriggerWorkflowStep? {
        guard let s = settings(r, known: ["workflow_key", "recipients", "actor", "tenant", "data", "cancellation_key"],
                               what: "trigger_workflow")
        else {
            r.missing("settings", "a trigger_workflow needs a workflow_key")
            return nil
        }
        guard let key = s.string("workflow_key", required: true) else { return nil }
        if let why = NameRules.keyProblem(key, what: "workflow key") {
            log.error(s.member("workflow_key")!.keyLocation, s.path("workflow_key"), why)
        }
        return TriggerWorkflowStep(info: info, workflowKey: key, recipients: s.string("recipients"), actor: s.string("actor"),
                                   tenant: s.string("tenant"), data: s.string("data"),
                                   cancellationKey: s.string("cancellation_key"))
    }

    private func updateData(_ r: FieldReader, _ info: StepInfo) -> UpdateDataStep? {
        guard let s = settings(r, known: ["data"], what: "update_data") else {
            r.missing("settings", "an update_data needs data")
            return nil
        }
        guard let data = s.node("data") else { s.missing("data"); return nil }
        switch data.kind {
        case .string, .object: return UpdateDataStep(info: info, data: data.value)
        default:
            log.error(s.member("data")!.keyLocation, s.path("data"), "'data' must be a JSON string or an object")
            return nil
        }
    }

    // MARK: branch

    private mutating func branch(_ r: FieldReader, _ info: StepInfo, depth: Int) -> BranchStep? {
        r.checkKeys(Self.commonKeys.union(["branches"]), what: "a branch step")
        if r.has("conditions") {
            log.error(r.member("conditions")!.keyLocation, r.path("conditions"),
                      "a branch step cannot have conditions; put them on its branches")
        }
        if depth > Self.maxBranchDepth {
            log.error(r.location, r.path, "branches nest deeper than \(Self.maxBranchDepth) levels")
            return nil
        }
        guard let items = r.array("branches") else {
            r.missing("branches")
            return nil
        }
        if items.count > 10, let m = r.member("branches") {
            log.warning(m.keyLocation, r.path("branches"), "Knock allows at most 10 branches, found \(items.count)")
        }
        var branches: [BranchStep.Branch] = []
        for (i, node) in items.enumerated() {
            guard let b = FieldReader(node, path: r.path("branches") + "[\(i)]", log: log) else { continue }
            b.checkKeys(["name", "conditions", "steps", "terminates"], what: "a branch")
            let steps = b.array("steps").map { self.steps($0, path: b.path("steps"), branchDepth: depth) } ?? []
            branches.append(BranchStep.Branch(name: b.string("name") ?? "Branch \(i + 1)", conditions: b.conditions(),
                                              steps: steps, terminates: b.bool("terminates") ?? false))
        }
        if let last = branches.last, last.conditions != nil, let m = r.member("branches") {
            log.warning(m.keyLocation, r.path("branches"),
                        "the last branch should have no conditions: it is the default branch")
        }
        return BranchStep(info: info, branches: branches)
    }
}
