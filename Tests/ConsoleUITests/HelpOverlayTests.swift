import APICore
import CloudflareAPI
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import Foundation
import TUIKit
import Testing

/// The `?` overlay per provider: generated from the key map and the provider's capabilities, so a key the
/// provider lacks is not listed (and not bound).
@MainActor
@Suite("Help overlay follows the provider's capabilities")
struct HelpOverlayTests {
    enum ProviderCase: String, CaseIterable, Sendable { case cloudflare, openai }

    nonisolated static let panes: [PaneID] = [.members, .tokens, .invitations]

    /// Opens help on `pane` and returns the frame.
    private func help(_ provider: ProviderCase, on pane: PaneID) async throws -> (
        lines: [String], capabilities: ProviderCapabilities
    ) {
        switch provider {
        case .cloudflare:
            let harness = try await ConsoleHarness()
            #expect(await harness.start())
            harness.press(.character(Character("\(pane.rawValue)")), .character("?"))
            #expect(harness.runtime.state.overlay == .help)
            return (harness.screen, harness.session.capabilities)
        case .openai:
            let harness = try await OpenAIHarness()
            #expect(await harness.start())
            harness.press(.character(Character("\(pane.rawValue)")), .character("?"))
            #expect(harness.runtime.state.overlay == .help)
            return (harness.screen, harness.session.capabilities)
        }
    }

    @Test(arguments: ProviderCase.allCases, panes)
    func golden(_ provider: ProviderCase, pane: PaneID) async throws {
        let (lines, _) = try await help(provider, on: pane)
        let name = "help-\(provider.rawValue)-\(pane)-120x40"
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

    @Test func openAIHasNoAnswerNoModeAndNoRoll() async throws {
        let invitations = rows(try await help(.openai, on: .invitations).lines)
        #expect(!invitations.contains { $0.hasPrefix("a ") && $0.contains("accept") }, "a accept is a Cloudflare key")
        #expect(!invitations.contains { $0.hasPrefix("i ") }, "i toggles received/sent: OpenAI has only sent invites")
        #expect(invitations.contains { $0.hasPrefix("x ") && $0.contains("revoke a sent invitation") })
        #expect(!invitations.contains { $0.contains("reject a received") })
        #expect(invitations.contains { $0.hasPrefix("n ") && $0.contains("invite") })
        let tokens = try await help(.openai, on: .tokens).lines.joined(separator: "\n")
        #expect(!tokens.contains("Roll"))
        #expect(!tokens.contains("Disable"))
        #expect(tokens.contains("Rotate"))
        let members = rows(try await help(.openai, on: .members).lines)
        for key in ["e ", "D ", "n "] { #expect(members.contains { $0.hasPrefix(key) }, "\(key) on Members") }
    }

    @Test func cloudflareHasNoRotate() async throws {
        let tokens = try await help(.cloudflare, on: .tokens).lines.joined(separator: "\n")
        #expect(!tokens.contains("Rotate"))
        #expect(tokens.contains("Roll"))
        let invitations = rows(try await help(.cloudflare, on: .invitations).lines)
        #expect(invitations.contains { $0.hasPrefix("a ") && $0.contains("accept") })
        #expect(invitations.contains { $0.hasPrefix("i ") })
    }

    @Test(arguments: ProviderCase.allCases)
    func absentKeysAreNotBound(_ provider: ProviderCase) async throws {
        let map = KeyMap()
        let demo = await InProcessDemo.start()
        let capabilities: ProviderCapabilities
        switch provider {
        case .cloudflare: capabilities = try demo.cloudflareDirectory().capabilities
        case .openai: capabilities = try demo.openAIDirectory().capabilities
        }
        let received = ActionContext(
            pane: .invitations, capabilities: capabilities, invitationMode: .received,
            hasReceivedInvitations: capabilities.contains(.answerInvitations))
        let accept = map.action(for: .character("a"), in: received)?.id
        let mode = map.action(for: .character("i"), in: received)?.id
        switch provider {
        case .cloudflare:
            #expect(accept == "invitations.accept")
            #expect(mode == "invitations.mode")
        case .openai:
            #expect(accept == nil)
            #expect(mode == nil)
            #expect(capabilities.contains(.rotateKeys) && !capabilities.contains(.rollTokens))
        }
    }
}
