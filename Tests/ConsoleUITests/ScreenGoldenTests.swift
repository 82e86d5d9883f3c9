import ConsoleModel
import ConsoleTesting
import ConsoleUI
import TUIKit
import Testing

/// The screens a person sees, compared with golden text files (re-record with RECORD_GOLDENS=1, on purpose only).
@MainActor
@Suite("Screens match their golden files")
struct ScreenGoldenTests {
    enum Screen: String, CaseIterable, Sendable {
        case accounts, members, tokens, invitations, help, confirmAccept, tokenMenu, secretModal
    }

    nonisolated static let sizes = [
        Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 40, height: 12),
    ]

    @Test(arguments: Screen.allCases, sizes)
    func screen(_ screen: Screen, size: Size) async throws {
        let harness = try await ConsoleHarness(size: size)
        #expect(await harness.start())
        try await show(screen, in: harness)
        let name = "\(screen.rawValue)-\(size.width)x\(size.height)"
        switch GoldenFile.check(harness.stableScreen, named: name, in: goldensDirectory) {
        case .matches, .recorded: break
        case .missing(let path): Issue.record("Missing golden \(path): record it with RECORD_GOLDENS=1")
        case .differs(let diff): Issue.record("\(name) differs from its golden:\n\(diff)")
        }
    }

    private func show(_ screen: Screen, in harness: ConsoleHarness) async throws {
        let session = harness.session
        switch screen {
        case .accounts:
            break
        case .members:
            harness.press(.enter)
            #expect(
                await harness.waiter.until {
                    session.members.snapshot.loadState == .loaded && session.tokens.snapshot.loadState == .loaded
                })
        case .tokens:
            harness.press(.character("3"))
        case .invitations:
            harness.press(.character("4"))
        case .help:
            harness.press(.character("4"), .character("?"))
        case .confirmAccept:
            harness.press(.character("4"), .character("j"), .character("a"))
        case .tokenMenu:
            harness.press(.character("3"), .character("j"), .character("R"))
        case .secretModal:
            harness.press(.character("3"), .character("j"), .character("R"), .enter)
            await harness.think()
            harness.press(.character("y"))
            #expect(
                await harness.waiter.until {
                    harness.runtime.state.overlay == .secret && harness.runtime.state.flash?.level == .success
                })
        }
    }
}
