import APICore
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import DemoServer
import Foundation
import TUIKit
import Testing

/// `:people`, `D` and `:risks` with the three providers of one DemoServer as three profiles: keys in, requests out.
@MainActor
@Suite("People, offboarding and the risk lens: keys in, requests out")
struct PeopleScreenTests {
    static let jordan = "jordan.blake@example.com"

    /// The people view filtered to `text`.
    func filter(_ harness: PeopleHarness, _ text: String) {
        harness.press(.character("/"))
        harness.type(text)
        harness.press(.enter)
    }

    @Test func thePeopleViewMergesOnePersonAcrossProvidersAndCases() async throws {
        let harness = try await PeopleHarness()
        #expect(await harness.open("people"))
        let lens = harness.runtime.state.lens
        let priya = try #require(lens.people.first { $0.id == "priya.shah@example.com" })
        #expect(priya.providers.map(\.rawValue) == ["cloudflare", "openai", "keycard"], "three cases, one person")
        filter(harness, "jordan.blake")
        #expect(harness.text.contains("jordan.blake@example.com"))
        #expect(harness.text.contains("Cloudflare, OpenAI, Keycard"), "\(harness.text)")
        harness.press(.enter)
        guard case .person(let email, _, _) = harness.runtime.state.overlay else {
            Issue.record("Enter did not open the person")
            return
        }
        #expect(email == Self.jordan)
        for place in ["Acme Corp", "Globex Staging", "invitation", "admin key", "jordan-laptop", "project key"] {
            #expect(harness.text.contains(place), "\(place)")
        }
        harness.press(.escape)
        guard case .people(let table) = harness.runtime.state.overlay else {
            Issue.record("Esc did not go back to the people")
            return
        }
        #expect(table.filter == "jordan.blake", "the people view comes back as it was left")
    }

    /// Opens Jordan's plan from the people view.
    func openJordansPlan(_ harness: PeopleHarness) async throws -> OffboardingPlan {
        #expect(await harness.open("people"))
        filter(harness, "jordan.blake")
        harness.press(.character("D"))
        return try #require(harness.runtime.state.lens.plan)
    }

    @Test func theOffboardingPlanListsExactlyTheRightSteps() async throws {
        let harness = try await PeopleHarness()
        let plan = try await openJordansPlan(harness)
        let steps = plan.steps.map { "\($0.provider.rawValue) \($0.actionID) \($0.summary)" }
        #expect(
            steps == [
                "openai tokens.delete Delete admin key 'jordan-laptop'",
                "openai tokens.delete Delete project key 'jordan-notebook'",
                "keycard invitations.revoke Revoke the invitation to organization Acme Robotics",
                "cloudflare members.remove Remove from account Acme Corp",
                "cloudflare members.remove Remove from account Globex Staging",
                "openai members.remove Remove from project Default Project",
                "openai members.remove Remove from Organization",
            ], "\(steps)")
        #expect(harness.text.contains("Type the email to confirm"))
        #expect(await harness.demo.writeCount() == 0, "nothing is sent before the email is typed")
    }

    @Test func aFaultAtAStepStopsThereAndTheResumeSendsNoStepTwice() async throws {
        let harness = try await PeopleHarness()
        let plan = try await openJordansPlan(harness)
        let stop = try #require(plan.steps.firstIndex { $0.provider.rawValue == "cloudflare" })
        let failing = plan.steps[stop]
        harness.demo.server.faults.inject(
            .refusal(403, message: "Requires Super Administrator", code: 10_000), method: "DELETE",
            path: "/accounts/*/members/\(failing.targetID)")
        harness.type(Self.jordan)
        harness.press(.enter)
        #expect(
            await harness.until {
                !harness.runtime.state.lens.planRunning && harness.runtime.state.lens.plan?.stoppedAt != nil
            })
        let stopped = try #require(harness.runtime.state.lens.plan)
        #expect(stopped.stoppedAt == stop)
        #expect(stopped.steps[..<stop].allSatisfy { $0.state == .done })
        #expect(stopped.steps[(stop + 1)...].allSatisfy { $0.state == .waiting }, "the rest is listed, not sent")
        #expect(harness.text.contains("Stopped at step \(stop + 1)"))
        #expect(await harness.demo.writeCount() == stop + 1)

        harness.press(.character("c"))
        #expect(await harness.until { harness.runtime.state.lens.plan?.isFinished == true })
        let finished = try #require(harness.runtime.state.lens.plan)
        #expect(finished.steps.allSatisfy { $0.state == .done })
        // Every step once, the failed one twice (refused, then sent again on the resume): nothing else.
        #expect(await harness.demo.writeCount() == plan.steps.count + 1)
        let failed = await harness.demo.requests("DELETE", pathSuffix: "/members/\(failing.targetID)")
        #expect(failed.count == 2)
        let journal = harness.journalEntries()
        #expect(journal.count == plan.steps.count + 1, "one line per step sent, the refused one included")
        let journalled = journal.compactMap { $0["action"] as? String }.sorted()
        #expect(journalled == (plan.steps.map(\.actionID) + [failing.actionID]).sorted())
        #expect(journal.filter { ($0["outcome"] as? String) == "refused" }.count == 1)
    }

    @Test func aStepWhoseAnswerWasLostIsReadAgainNotResent() async throws {
        let harness = try await PeopleHarness()
        let plan = try await openJordansPlan(harness)
        let stop = try #require(plan.steps.firstIndex { $0.provider.rawValue == "cloudflare" })
        let member = plan.steps[stop].targetID
        // The removal happens, and then a gateway answers 503: the outcome is unknown.
        harness.demo.server.faults.inject(
            .statusAfterHandling(503), method: "DELETE", path: "/accounts/*/members/\(member)")
        harness.type(Self.jordan)
        harness.press(.enter)
        #expect(
            await harness.until {
                !harness.runtime.state.lens.planRunning && harness.runtime.state.lens.isFinished(orStopped: true)
            })
        let after = try #require(harness.runtime.state.lens.plan)
        if let stopped = after.stoppedAt {
            // The re-read could not tell (or showed it still there): the resume reads again before sending.
            #expect(stopped == stop)
            harness.press(.character("c"))
            #expect(await harness.until { harness.runtime.state.lens.plan?.isFinished == true })
        }
        #expect(harness.runtime.state.lens.plan?.steps.allSatisfy { $0.state == .done } == true)
        let removals = await harness.demo.requests("DELETE", pathSuffix: "/members/\(member)")
        #expect(removals.count == 1, "the member the server removed was not removed again")
        #expect(await harness.demo.writeCount() == plan.steps.count, "no step sent twice")
        #expect(harness.journalEntries().contains { ($0["outcome"] as? String) == "unknown" })
    }

    @Test func readOnlyRefusesTheWholePlanWithNothingSent() async throws {
        let harness = try await PeopleHarness(readOnly: true)
        _ = try await openJordansPlan(harness)
        harness.type(Self.jordan)
        harness.press(.enter)
        #expect(harness.runtime.state.flash?.text.contains("Read-only mode") == true)
        #expect(harness.runtime.state.lens.plan?.steps.allSatisfy { $0.state == .waiting } == true)
        #expect(await harness.demo.writeCount() == 0)
        #expect(harness.journalEntries().isEmpty)
    }

    @Test func enterOnAFindingLandsOnItsRowWithItsFixOneKeyAway() async throws {
        let harness = try await PeopleHarness()
        #expect(await harness.open("risks"))
        let findings = harness.runtime.state.lens.findings
        // A member deep in another account's list, a token in an account, and an organization of another profile.
        let targets = [
            try #require(findings.first { $0.kind == .noTwoFactor && $0.subject == Self.jordan }),
            try #require(findings.first { $0.kind == .expiredKey && !$0.scope.isTop }),
            try #require(findings.first { $0.kind == .ssoOff }),
        ]
        for finding in targets {
            let index = try #require(harness.runtime.state.lens.findings.firstIndex(of: finding))
            harness.runtime.handle(.key(.character("g")))
            for _ in 0..<index { harness.press(.character("j")) }
            harness.press(.enter)
            let session = harness.runtime.session
            #expect(session.profile == finding.profile)
            #expect(session.scope == finding.scope)
            #expect(harness.runtime.state.pane == finding.pane)
            #expect(
                await harness.until {
                    harness.runtime.currentSelectedRowID == finding.rowID
                }, "\(finding.kind) \(finding.subject)")
            if let fix = finding.fixActionID {
                let reach = harness.runtime.keyMap.reach(ActionID(fix))
                #expect(!reach.isEmpty && harness.runtime.state.flash?.text.contains(reach) == true, "\(fix)")
            }
            harness.press(.character(":"))
            harness.type("risks")
            harness.press(.enter)
        }
    }
}
