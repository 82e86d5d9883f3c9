import ConsoleModel
import ConsoleTesting
import ConsoleUI
import Foundation
import TUIKit
import Testing

/// The cross-profile screens at 80×24 and 120×40: the people view, one person, an offboarding plan stopped at a
/// failed step, and the risk lens.
@MainActor
@Suite("People and risk screens: goldens")
struct PeopleGoldenTests {
    enum Screen: String, CaseIterable, Sendable {
        case people, person, offboarding, risks
    }

    @Test(arguments: Screen.allCases, [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func screen(_ screen: Screen, size: Size) async throws {
        let harness = try await PeopleHarness(size: size)
        switch screen {
        case .people:
            #expect(await harness.open("people"))
        case .person:
            #expect(await harness.open("people"))
            harness.press(.character("/"))
            harness.type("jordan.blake")
            harness.press(.enter, .enter)
        case .offboarding:
            #expect(await harness.open("people"))
            harness.press(.character("/"))
            harness.type("jordan.blake")
            harness.press(.enter, .character("D"))
            let plan = try #require(harness.runtime.state.lens.plan)
            let failing = try #require(plan.steps.first { $0.provider.rawValue == "cloudflare" })
            harness.demo.server.faults.inject(
                .refusal(403, message: "Requires Super Administrator", code: 10_000), method: "DELETE",
                path: "/accounts/*/members/\(failing.targetID)")
            harness.type(PeopleScreenTests.jordan)
            harness.press(.enter)
            #expect(await harness.until { harness.runtime.state.lens.plan?.stoppedAt != nil })
        case .risks:
            #expect(await harness.open("risks"))
        }
        let name = "people-\(screen.rawValue)-\(size.width)x\(size.height)"
        switch GoldenFile.check(harness.screen, named: name, in: goldensDirectory) {
        case .matches, .recorded: break
        case .missing(let path): Issue.record("Missing golden \(path): record it with RECORD_GOLDENS=1")
        case .differs(let diff): Issue.record("\(name) differs from its golden:\n\(diff)")
        }
    }
}
