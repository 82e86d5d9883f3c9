import ConsoleModel
import ConsoleTesting
import ConsoleUI
import TUIKit
import Testing

/// The OpenAI screens a person sees on the DemoServer's seed, compared with golden text files (re-record with
/// RECORD_GOLDENS=1, on purpose); a new key's secret is masked.
@MainActor
@Suite("OpenAI screens match their golden files")
struct OpenAIScreenGoldenTests {
    enum Screen: String, CaseIterable, Sendable {
        case accounts, members, tokens, invitations, projectMembers, adminKeyMenu, rotationSecret, rotationFinished
        case inviteForm, rolePicker
    }

    nonisolated static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    @Test(arguments: Screen.allCases, sizes)
    func screen(_ screen: Screen, size: Size) async throws {
        let harness = try await OpenAIHarness(size: size)
        #expect(await harness.start())
        try await show(screen, in: harness)
        let name = "openai-\(screen.rawValue)-\(size.width)x\(size.height)"
        switch GoldenFile.check(harness.stableScreen, named: name, in: goldensDirectory) {
        case .matches, .recorded: break
        case .missing(let path): Issue.record("Missing golden \(path): record it with RECORD_GOLDENS=1")
        case .differs(let diff): Issue.record("\(name) differs from its golden:\n\(diff)")
        }
    }

    private func show(_ screen: Screen, in harness: OpenAIHarness) async throws {
        let runtime = harness.runtime
        switch screen {
        case .accounts:
            break
        case .members:
            harness.press(.character("2"))
        case .tokens:
            harness.press(.character("3"))
        case .invitations:
            harness.press(.character("4"))
        case .projectMembers:
            #expect(await harness.enterProject(row: 1))
            #expect(harness.text.contains("Default Project › Members"))
        case .adminKeyMenu:
            harness.press(.character("3"), .character("j"), .character("R"))
            guard case .tokenMenu(_, let items, _) = runtime.state.overlay else {
                Issue.record("no token menu")
                return
            }
            // An admin key rotates (create, then delete): there is no Roll and no Disable.
            #expect(items == [.rotate, .delete, .details])
        case .rotationSecret, .rotationFinished:
            harness.press(.character("3"), .character("j"), .character("R"), .enter)
            await harness.think()
            harness.press(.character("y"))
            #expect(
                await harness.waiter.until {
                    harness.session.tokens.rotation?.step == .created
                        && runtime.state.flash?.text.hasPrefix("Created 'terraform-admin'") == true
                })
            let secret = try #require(harness.session.tokens.rotation?.secret?.reveal())
            #expect(!secret.isEmpty && harness.stableScreen != harness.screen, "the new secret is shown, and masked")
            guard screen == .rotationFinished else { return }
            await harness.think()
            harness.press(.character("y"))
            #expect(
                await harness.waiter.until {
                    harness.session.tokens.rotation?.step == .finished
                        && runtime.state.flash?.text.hasPrefix("Rotated 'terraform-admin'") == true
                })
        case .inviteForm:
            harness.press(.character("4"), .character("n"))
            #expect(await harness.waiter.until { if case .invite = runtime.state.overlay { true } else { false } })
            harness.type("new.person@example.test")
        case .rolePicker:
            harness.press(.character("2"), .character("j"), .character("e"))
            #expect(await harness.waiter.until { if case .roles = runtime.state.overlay { true } else { false } })
        }
    }
}
