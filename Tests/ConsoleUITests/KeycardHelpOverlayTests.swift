import APICore
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import Foundation
import KeycardAPI
import TUIKit
import Testing

/// The `?` overlay for Keycard: no `a` (accept) and no `i` (received/sent), since Keycard has only sent
/// invitations (a received one is accepted by its token, `:accept`); credentials rotate, they do not roll.
@MainActor
@Suite("Keycard help overlay follows its capabilities")
struct KeycardHelpOverlayTests {
    nonisolated static let panes: [PaneID] = [.accounts, .members, .tokens, .invitations]

    /// Opens help on `pane` with Acme Robotics in scope and returns the frame.
    private func help(on pane: PaneID) async throws -> [String] {
        let harness = try await KeycardHarness()
        #expect(await harness.start())
        #expect(await harness.enterOrganization(row: 0))
        harness.press(.character(Character("\(pane.rawValue)")), .character("?"))
        #expect(harness.runtime.state.overlay == .help)
        return harness.screen
    }

    @Test(arguments: panes)
    func golden(_ pane: PaneID) async throws {
        let lines = try await help(on: pane)
        let name = "keycard-help-\(pane)-120x40"
        switch GoldenFile.check(lines, named: name, in: goldensDirectory) {
        case .matches, .recorded: break
        case .missing(let path): Issue.record("Missing golden \(path): record it with RECORD_GOLDENS=1")
        case .differs(let diff): Issue.record("\(name) differs from its golden:\n\(diff)")
        }
    }

    /// The help rows (`<label padded to 12><help>`): what is between the modal's borders, trimmed.
    private func rows(_ lines: [String]) -> [String] {
        lines.compactMap { line -> String? in
            guard let open = line.firstIndex(of: "│"), let close = line.lastIndex(of: "│"), open < close else {
                return nil
            }
            return line[line.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
        }
    }

    @Test func keycardHasNoAnswerNoModeAndNoRoll() async throws {
        let invitations = rows(try await help(on: .invitations))
        #expect(
            !invitations.contains { $0.hasPrefix("a ") }, "a accepts a received invitation: Keycard uses :accept TOKEN")
        #expect(!invitations.contains { $0.hasPrefix("i ") }, "i toggles received/sent: Keycard lists only sent ones")
        #expect(invitations.contains { $0.hasPrefix("x ") && $0.contains("revoke a sent invitation") })
        #expect(!invitations.contains { $0.contains("reject a received") })
        #expect(invitations.contains { $0.hasPrefix("n ") && $0.contains("invite") })
        let tokens = try await help(on: .tokens).joined(separator: "\n")
        #expect(!tokens.contains("Roll"))
        #expect(!tokens.contains("Disable"))
        #expect(tokens.contains("Rotate"))
    }

    @Test func absentKeysAreNotBound() async throws {
        let map = KeyMap()
        let capabilities = try await InProcessDemo.start().keycardDirectory().capabilities
        let invitations = ActionContext(pane: .invitations, capabilities: capabilities)
        #expect(map.action(for: .character("a"), in: invitations) == nil)
        #expect(map.action(for: .character("i"), in: invitations) == nil)
        #expect(map.action(for: .character("x"), in: invitations)?.id == "invitations.revoke")
        #expect(capabilities.contains(.rotateKeys) && !capabilities.contains(.rollTokens))
        #expect(capabilities.contains(.acceptInvitationTokens))
    }
}
