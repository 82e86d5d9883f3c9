import APICore
import CloudflareAPI
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import Foundation
import TUIKit
import Testing

/// The views, forms and pickers of the identity workflows, compared with golden text files
/// (re-record with RECORD_GOLDENS=1, on purpose only). API text includes hostile strings that must stay inert.
@MainActor
@Suite("Identity workflow screens match their golden files")
struct CloudflareViewGoldenTests {
    enum Screen: String, CaseIterable, Sendable {
        case userAudit, accountAudit, auditFiltered, auditEntry, user, profileForm, billing, subscriptions,
            organizations
        case leaveConfirm, tokenCreate, tokenCreateFiltered, tokenEdit, inviteForm, rolePicker, memberDetails
        // The account details view is AccountTenancyScreenTests' (with its profile and organization path).
        case tokenCreatedSecret, accountForm
        case subscriptionForm, tokenCreateDeny, roles
    }

    nonisolated static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    @Test(arguments: Screen.allCases, sizes)
    func screen(_ screen: Screen, size: Size) async throws {
        let harness = try await ConsoleHarness(size: size)
        #expect(await harness.start())
        try await show(screen, in: harness)
        let text = harness.text
        #expect(!text.contains("\u{1B}"), "an escape sequence reached the screen")
        let name = "cf-\(screen.rawValue)-\(size.width)x\(size.height)"
        switch GoldenFile.check(harness.stableScreen, named: name, in: goldensDirectory) {
        case .matches, .recorded: break
        case .missing(let path): Issue.record("Missing golden \(path): record it with RECORD_GOLDENS=1")
        case .differs(let diff): Issue.record("\(name) differs from its golden:\n\(diff)")
        }
    }

    private func palette(_ command: String, in harness: ConsoleHarness) {
        harness.press(.character(":"))
        for character in command { harness.press(.character(character)) }
        harness.press(.enter)
    }

    private func enterAccount(_ harness: ConsoleHarness) async {
        harness.press(.enter)
        _ = await harness.waiter.until {
            harness.session.members.snapshot.loadState == .loaded
                && harness.session.tokens.snapshot.loadState == .loaded
        }
    }

    private func show(_ screen: Screen, in harness: ConsoleHarness) async throws {
        let session = harness.session
        let records = session.records
        switch screen {
        case .auditEntry:
            palette("audit", in: harness)
            #expect(await harness.waiter.until { records.snapshot.loadState == .loaded })
            harness.press(.character("j"), .character("j"), .enter)
        case .userAudit, .auditFiltered:
            palette("audit", in: harness)
            #expect(await harness.waiter.until { records.snapshot.loadState == .loaded })
            harness.press(.character("j"))
            if screen == .auditFiltered {
                harness.press(.character("/"), .character("r"), .character("o"), .character("l"), .character("l"))
            }
        case .accountAudit:
            await enterAccount(harness)
            palette("audit since 2026-11-01", in: harness)
            #expect(await harness.waiter.until { records.snapshot.loadState == .loaded })
        case .user, .profileForm:
            palette("user", in: harness)
            #expect(await harness.waiter.until { records.user != nil && !records.summary.isEmpty })
            if screen == .profileForm {
                harness.press(.character("e"), .down, .down)
                for character in "+1 555 0100" { harness.press(.character(character)) }
            }
        case .billing:
            palette("billing", in: harness)
            #expect(await harness.waiter.until { records.snapshot.loadState == .loaded && !records.summary.isEmpty })
        case .subscriptions:
            palette("subs", in: harness)
            #expect(await harness.waiter.until { records.snapshot.loadState == .loaded })
        case .organizations, .leaveConfirm:
            palette("orgs", in: harness)
            #expect(await harness.waiter.until { records.snapshot.loadState == .loaded })
            // The eighth organization has a hostile name (clear screen, colour, bell): it stays inert in the typed-name
            // dialog too.
            if screen == .leaveConfirm {
                for _ in 0..<7 { harness.press(.character("j")) }
                harness.press(.character("D"))
            }
        case .tokenCreate, .tokenCreateFiltered:
            await enterAccount(harness)
            harness.press(.character("3"), .character("n"))
            #expect(
                await harness.waiter.until {
                    if case .tokenForm = harness.runtime.state.overlay { true } else { false }
                })
            for character in "deploy" { harness.press(.character(character)) }
            harness.press(.tab, .character(" "), .down, .character(" "))
            if screen == .tokenCreateFiltered { harness.press(.character("d"), .character("n"), .character("s")) }
        case .tokenEdit:
            harness.press(.character("3"), .character("j"), .character("e"))
            // The form opens once the permission groups are read, with the token's own ticked.
            #expect(
                await harness.waiter.until {
                    if case .tokenForm = harness.runtime.state.overlay { true } else { false }
                })
        case .inviteForm:
            await enterAccount(harness)
            harness.press(.character("n"))
            #expect(
                await harness.waiter.until { if case .invite = harness.runtime.state.overlay { true } else { false } })
            for character in "new@example.test" { harness.press(.character(character)) }
            harness.press(.tab, .character(" "), .down, .character(" "))
        case .rolePicker:
            await enterAccount(harness)
            harness.press(.character("j"), .character("e"))
            #expect(
                await harness.waiter.until { if case .roles = harness.runtime.state.overlay { true } else { false } })
            harness.press(.down, .character(" "))
        case .memberDetails:
            await enterAccount(harness)
            harness.press(.character("d"))
        case .subscriptionForm:
            await enterAccount(harness)
            palette("subs", in: harness)
            #expect(await harness.waiter.until { records.snapshot.loadState == .loaded })
            harness.press(.character("n"))
            for character in "yearly" { harness.press(.character(character)) }
        case .tokenCreateDeny:
            await enterAccount(harness)
            harness.press(.character("3"), .character("n"))
            #expect(
                await harness.waiter.until {
                    if case .tokenForm = harness.runtime.state.overlay { true } else { false }
                })
            for character in "scoped" { harness.press(.character(character)) }
            // Allow the first two groups, deny the third (Space cycles allow, deny, off).
            harness.press(.tab, .character(" "), .down, .character(" "), .down, .character(" "), .character(" "))
        case .roles:
            await enterAccount(harness)
            palette("roles", in: harness)
            #expect(await harness.waiter.until { records.snapshot.loadState == .loaded })
        case .tokenCreatedSecret:
            harness.press(.character("3"), .character("n"))
            #expect(
                await harness.waiter.until {
                    if case .tokenForm = harness.runtime.state.overlay { true } else { false }
                })
            for character in "deploy" { harness.press(.character(character)) }
            harness.press(.tab, .character(" "), .enter)
            await harness.think()
            harness.press(.character("y"))
            #expect(
                await harness.waiter.until {
                    harness.runtime.state.overlay == .secret && harness.runtime.state.flash?.level == .success
                })
        case .accountForm:
            harness.press(.character("e"))
            for _ in 0..<2 { harness.press(.backspace) }
            for character in " Co." { harness.press(.character(character)) }
            harness.press(.tab, .character(" "))
        }
    }
}
