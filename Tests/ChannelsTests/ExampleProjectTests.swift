import Liquid
import Templates
import Testing
@testable import Channels

/// The example project at the repository root: its comment workflow's feed blocks have Knock's
/// shape, and every channel step of every workflow renders.
@Suite struct ExampleProjectTests {
    static let project: Project = try! Project.load(root: TestSupport.exampleRoot)

    @Test func newCommentFeedBlocksHaveKnocksShape() throws {
        let outcomes = try TestSupport.render("new-comment", step: "in_app_feed_1", in: Self.project)
        let m = try TestSupport.message(outcomes.first)
        guard case .object(let json) = m.json(), case .object(let content)? = json["content"],
              case .array(let blocks)? = content["blocks"] else { Issue.record("no blocks"); return }
        // As knock-spec §5: body (markdown, raw Liquid source in content, HTML in rendered, no
        // trailing newline), then action_url (text).
        #expect(blocks.count == 2)
        guard case .object(let body) = blocks[0], case .object(let url) = blocks[1] else { Issue.record("blocks are not objects"); return }
        #expect(body.keys == ["name", "type", "content", "rendered"])
        #expect(body["name"] == "body")
        #expect(body["type"] == "markdown")
        let source = try #require(TestSupport.read(TestSupport.exampleRoot + "/templates/new-comment/in_app_feed_1/markdown_body.md"))
        #expect(body["content"] == .string(source))
        #expect(body["rendered"] == """
            <p><strong>Grace Hopper</strong> commented on <strong>Q3 reliability roadmap</strong></p>
            <blockquote>
            <p>Can we move the Postgres failover drill before the freeze? The last one found two runbook gaps.</p>
            </blockquote>
            """)
        #expect(url.keys == ["name", "type", "content", "rendered"])
        #expect(url["name"] == "action_url")
        #expect(url["type"] == "text")
        #expect(url["content"] == "{{ vars.app_url }}/pages/{{ data.page_id }}#comments")
        #expect(url["rendered"] == "https://app.beacon.dev/pages/pg_8f3k2#comments")
        // The feed item lists the same blocks.
        guard case .object(let item)? = content["feed_item"] else { Issue.record("no feed item"); return }
        #expect(item["blocks"] == .array(blocks))
        #expect(item["__typename"] == "FeedItem")
        #expect(item["tenant"] == "northwind")
    }

    @Test func buttonsBecomeAnActionsButtonSet() throws {
        let outcomes = try TestSupport.render("mention", step: "in_app_feed_1", in: Self.project)
        guard case .inAppFeed(let feed) = try TestSupport.message(outcomes.first).content else { Issue.record("not a feed item"); return }
        #expect(feed.blocks.map(\.name) == ["body", "action_url", "actions"])
        guard case .buttonSet(_, let buttons) = feed.blocks[2] else { Issue.record("no buttons"); return }
        #expect(buttons.map(\.name) == ["primary", "secondary"])
        #expect(buttons[0].action == "https://app.beacon.dev/pages/pg_77tq#comment-cm_91bd?reply=1")
    }

    /// Knock's helper filters (`json`, `currency`, `date` with a zone, ...) make some example
    /// templates valid JSON; without them those steps fail, which says nothing about Channels.
    @Test(.enabled(if: TestSupport.knockFiltersRegistered, "needs Knock's helper filters registered in KnockFlavour"),
          arguments: project.workflows.keys.sorted())
    func everyChannelStepRendersWithoutError(_ workflow: String) throws {
        let definition = try #require(Self.project.workflows[workflow])
        let channelSteps = definition.allSteps.filter { if case .channel = $0 { return true } else { return false } }
        for mode in [WorkflowRenderer.Options.MissingChannelData.skip, .render] {
            var options = WorkflowRenderer.Options()
            options.missingChannelData = mode
            let outcomes = try TestSupport.render(workflow, in: Self.project, options: options)
            #expect(outcomes.count == channelSteps.count)
            for outcome in outcomes {
                switch outcome {
                case .failed(let ref, _, let error): Issue.record("\(workflow)/\(ref) failed:\n\(error.description)")
                case .skipped(let ref, _, let reason) where mode == .render: Issue.record("\(workflow)/\(ref) skipped: \(reason)")
                default: break
                }
            }
        }
    }

    @Test func stepsThatStillRenderWithoutKnocksFilters() throws {
        // Whatever the filters, no step of the example project crashes or throws: each is a message,
        // a skip or a located failure.
        var options = WorkflowRenderer.Options()
        options.missingChannelData = .render
        for key in Self.project.workflows.keys.sorted() {
            for outcome in try TestSupport.render(key, in: Self.project, options: options) {
                if case .failed(_, _, let error) = outcome {
                    #expect(error.templateName?.hasPrefix("templates/\(key)/") == true, "\(error.description)")
                    #expect(error.line != nil, "\(error.description)")
                }
            }
        }
    }
}
