import ConsoleModel
import ConsoleTesting
import ConsoleUI
import TUIKit
import Testing

/// The Keycard screens a person sees on the DemoServer's seed, compared with golden text files (re-record with
/// RECORD_GOLDENS=1, on purpose); a new credential's secret is masked.
@MainActor
@Suite("Keycard screens match their golden files")
struct KeycardScreenGoldenTests {
    enum Screen: String, CaseIterable, Sendable {
        case accounts, members, tokens, invitations, credentials, credentialMenu, rotationSecret, rotationFinished
        case ssoOn, ssoOff, ssoDisable, acceptToken
        case ssoChange, identities, serviceAccountForm, memberDisable
    }

    /// The four panes, on a server without the users and roles endpoints.
    enum DroppedScreen: String, CaseIterable, Sendable {
        case accounts, members, tokens, invitations

        var pane: PaneID {
            switch self {
            case .accounts: .accounts
            case .members: .members
            case .tokens: .tokens
            case .invitations: .invitations
            }
        }
    }

    nonisolated static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    @Test(arguments: Screen.allCases, sizes)
    func screen(_ screen: Screen, size: Size) async throws {
        let harness = try await KeycardHarness(size: size)
        #expect(await harness.start())
        try await show(screen, in: harness)
        check(harness, "keycard-\(screen.rawValue)-\(size.width)x\(size.height)")
    }

    @Test(arguments: DroppedScreen.allCases, sizes)
    func droppedEndpoints(_ screen: DroppedScreen, size: Size) async throws {
        let harness = try await KeycardHarness(size: size, legacyEndpoints: false)
        #expect(await harness.start())
        if screen != .accounts { #expect(await harness.enterOrganization(row: 0)) }
        harness.press(.character(Character("\(screen.pane.rawValue)")))
        if screen == .members {
            #expect(
                harness.session.members.snapshot.placeholder?.contains("does not list organization members") == true)
            #expect(harness.text.contains("does not list organization members"))
        }
        check(harness, "keycard-dropped-\(screen.rawValue)-\(size.width)x\(size.height)")
    }

    private func check(_ harness: KeycardHarness, _ name: String) {
        switch GoldenFile.check(harness.stableScreen, named: name, in: goldensDirectory) {
        case .matches, .recorded: break
        case .missing(let path): Issue.record("Missing golden \(path): record it with RECORD_GOLDENS=1")
        case .differs(let diff): Issue.record("\(name) differs from its golden:\n\(diff)")
        }
    }

    private func show(_ screen: Screen, in harness: KeycardHarness) async throws {
        let runtime = harness.runtime
        switch screen {
        case .accounts:
            break
        case .members, .tokens, .invitations:
            #expect(await harness.enterOrganization(row: 0))
            let pane: PaneID = screen == .members ? .members : screen == .tokens ? .tokens : .invitations
            harness.press(.character(Character("\(pane.rawValue)")))
            #expect(harness.text.contains("Acme Robotics › "))
        case .credentials, .credentialMenu, .rotationSecret, .rotationFinished:
            #expect(await harness.enterOrganization(row: 0))
            #expect(await harness.enterServiceAccount(row: 0))
            #expect(
                harness.session.tokens.snapshot.rows.map(\.name) == ["github-actions", "github-actions-2023", "spare"])
            guard screen != .credentials else { return }
            harness.press(.character("R"))
            guard case .tokenMenu(_, let items, _) = runtime.state.overlay else {
                Issue.record("no token menu")
                return
            }
            // A credential rotates (create, then delete): there is no Roll and no Disable.
            #expect(items == [.rotate, .delete, .details])
            guard screen != .credentialMenu else { return }
            harness.press(.enter)
            await harness.think()
            harness.press(.character("y"))
            #expect(
                await harness.waiter.until {
                    harness.session.tokens.rotation?.step == .created
                        && runtime.state.flash?.text.hasPrefix("Created 'github-actions'") == true
                })
            let secret = try #require(harness.session.tokens.rotation?.secret?.reveal())
            #expect(!secret.isEmpty && harness.stableScreen != harness.screen, "the new secret is shown, and masked")
            guard screen == .rotationFinished else { return }
            await harness.think()
            harness.press(.character("y"))
            #expect(
                await harness.waiter.until {
                    harness.session.tokens.rotation?.step == .finished
                        && runtime.state.flash?.text.hasPrefix("Rotated 'github-actions'") == true
                })
        case .ssoOn, .ssoDisable, .ssoChange:
            #expect(await harness.enterOrganization(row: 1))
            harness.press(.character(":"))
            harness.type("sso")
            harness.press(.enter)
            #expect(await harness.waiter.until { if case .on = harness.session.sso.state { true } else { false } })
            #expect(runtime.state.overlay == .sso)
            if screen == .ssoChange {
                // The form over the connection, the client secret typed masked.
                harness.press(.character("e"), .tab, .tab)
                harness.type("s3cret")
                return
            }
            guard screen == .ssoDisable else { return }
            harness.press(.character("x"))
            guard case .confirm = runtime.state.overlay else {
                Issue.record("no confirmation")
                return
            }
        case .ssoOff:
            #expect(await harness.enterOrganization(row: 0))
            harness.press(.character(":"))
            harness.type("sso")
            harness.press(.enter)
            #expect(await harness.waiter.until { harness.session.sso.state == .off })
        case .identities:
            #expect(await harness.enterOrganization(row: 0))
            harness.press(.character(":"))
            harness.type("identities")
            harness.press(.enter)
            #expect(await harness.waiter.until { harness.session.records.list.snapshot.loadState == .loaded })
        case .serviceAccountForm:
            #expect(await harness.enterOrganization(row: 0))
            harness.press(.character("3"), .character("n"))
            harness.type("release-bot")
            harness.press(.tab)
            harness.type("ships builds")
        case .memberDisable:
            #expect(await harness.enterOrganization(row: 0))
            harness.press(.character("2"), .character("g"), .character("j"), .character("j"), .character("j"))
            harness.press(.character("t"))
        case .acceptToken:
            harness.press(.character(":"))
            harness.type("accept \(try await pendingToken(harness))")
            harness.press(.enter)
            #expect(await harness.waiter.until { if case .confirm = runtime.state.overlay { true } else { false } })
        }
    }
}
