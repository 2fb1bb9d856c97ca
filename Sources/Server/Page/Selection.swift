import Hummingbird
import Templates

/// What the page shows, from its query string: `?workflow=mention&step=email_1`, `?layout=default`,
/// `?partial=button`, `?translation=billing.fr`, `?problems`.
enum Selection: Equatable {
    case workflow(String, step: String?)
    case layout(String)
    case partial(String)
    case translation(String)
    case problems
    /// Nothing chosen: the first workflow.
    case start

    init(_ request: Request) {
        let q = request.uri.queryParameters
        if let w = q["workflow"] {
            self = .workflow(String(w), step: q["step"].map(String.init))
        } else if let l = q["layout"] {
            self = .layout(String(l))
        } else if let p = q["partial"] {
            self = .partial(String(p))
        } else if let t = q["translation"] {
            self = .translation(String(t))
        } else if q["problems"] != nil {
            self = .problems
        } else {
            self = .start
        }
    }

    /// `.start` made concrete for a project.
    func resolved(in project: Project) -> Selection {
        guard self == .start else { return self }
        if let first = project.workflows.keys.sorted().first { return .workflow(first, step: nil) }
        return .problems
    }

    var kind: String {
        switch self {
        case .workflow: return "workflow"
        case .layout: return "layout"
        case .partial: return "partial"
        case .translation: return "translation"
        case .problems: return "problems"
        case .start: return "start"
        }
    }

    var key: String {
        switch self {
        case .workflow(let k, _), .layout(let k), .partial(let k), .translation(let k): return k
        default: return ""
        }
    }

    /// The resource a `change` event names for this selection (`partial button`), to know when to refresh.
    var resourceName: String {
        switch self {
        case .layout(let k): return "layout " + k
        case .partial(let k): return "partial " + k
        case .translation(let k): return "translation " + k
        default: return ""
        }
    }
}
