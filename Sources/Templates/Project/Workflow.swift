import Liquid

/// A workflow as Knock's CLI writes it (`<templates>/<key>/workflow.json`), with every `@` file
/// reference already replaced by the file's content.
public struct Workflow: Sendable {
    /// The folder name.
    public var key: String
    public var name: String
    public var description: String?
    /// Used by preferences; case-sensitive.
    public var categories: [String]
    public var tags: [String]
    /// Trigger conditions (`{"all": [...]}` / `{"any": [...]}`); false ⇒ the run halts.
    public var conditions: Value?
    public var settings: Settings
    public var triggerFrequency: TriggerFrequency
    /// A JSON Schema for the trigger's `data`, kept as written.
    public var triggerDataJSONSchema: Value?
    public var steps: [Step]
    /// `workflow.json`, relative to the project root.
    public var file: String

    public struct Settings: Sendable {
        public var overridePreferences = false
        public var isCommercial = false
    }

    public enum TriggerFrequency: String, Sendable, CaseIterable {
        case everyTrigger = "every_trigger"
        case oncePerRecipient = "once_per_recipient"
        case oncePerRecipientPerTenant = "once_per_recipient_per_tenant"
    }

    /// Every step, depth first, including the steps inside branches.
    public var allSteps: [Step] {
        var out: [Step] = []
        func walk(_ steps: [Step]) {
            for step in steps {
                out.append(step)
                if case .branch(let b) = step { for branch in b.branches { walk(branch.steps) } }
            }
        }
        walk(steps)
        return out
    }

    /// The step with this ref, wherever it is.
    public func step(ref: String) -> Step? { allSteps.first { $0.ref == ref } }
}

/// What `sample.json` next to a `workflow.json` holds: example trigger data for previews (a
/// Missive extension; Knock does not read it).
///
/// ```json
/// {"data": {"page_name": "Roadmap"},
///  "recipient": {"id": "u_1", "name": "Ada", "email": "ada@example.com", "phone_number": "+15555550100", "locale": "fr"},
///  "actor": {"id": "u_2", "name": "Grace"},
///  "tenant": {"id": "acme", "name": "Acme"},
///  "locale": "fr"}
/// ```
/// Every key is optional. `locale` overrides `recipient.locale` for the preview.
public struct SampleData: Sendable {
    public var data = LiquidObject()
    public var recipient: LiquidObject?
    public var actor: LiquidObject?
    public var tenant: LiquidObject?
    public var locale: String?
    /// Optional run variables: `vars`, `timestamp`, `activities`, `actors`, `total_activities`,
    /// `total_actors` (to preview a batched run).
    public var run = LiquidObject()
    /// `sample.json`, relative to the project root.
    public var file: String
}
