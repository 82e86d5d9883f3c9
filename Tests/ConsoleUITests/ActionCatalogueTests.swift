import APICore
import CloudflareAPI
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import Foundation
import KeycardAPI
import TUIKit
import Testing

/// The catalogue is the one list: `?`, the hints and the palette are generated from it, and `[keys]` rebinds it.
@MainActor
@Suite("The action catalogue drives help, hints, palette and keys")
struct ActionCatalogueTests {
    enum ProviderCase: String, CaseIterable, Sendable { case cloudflare, openai, keycard }

    private func capabilities(_ provider: ProviderCase) async throws -> ProviderCapabilities {
        let demo = await InProcessDemo.start()
        switch provider {
        case .cloudflare: return try demo.cloudflareDirectory().capabilities
        case .openai: return try demo.openAIDirectory().capabilities
        case .keycard: return try demo.keycardDirectory().capabilities
        }
    }

    @Test func idsAreUniqueAndNamedNounDotVerb() {
        let ids = ActionCatalogue.standard.ids.map(\.rawValue)
        #expect(Set(ids).count == ids.count, "duplicate ids: \(ids)")
        for id in ids where id != "back" && id != "quit" {
            #expect(id.split(separator: ".").count == 2, "\(id) is not noun.verb")
        }
    }

    @Test(arguments: ProviderCase.allCases, PaneID.allCases)
    func everyActionIsInHelpWhereItAppliesAndNowhereElse(_ provider: ProviderCase, pane: PaneID) async throws {
        let capabilities = try await capabilities(provider)
        let map = KeyMap()
        let context = ActionContext(pane: pane, capabilities: capabilities)
        let listed = Set(map.help(in: context).map(\.id))
        for action in ActionCatalogue.standard.actions {
            let expected = action.applies(on: pane) && action.isProvided(by: capabilities)
            // A general key the pane gives to its own action (Enter) is that action's line there.
            let shadowed =
                action.panes == nil && !action.keys.isEmpty
                && action.keys.allSatisfy { key in
                    ActionCatalogue.standard.actions.contains {
                        $0.panes?.contains(pane) == true && $0.isProvided(by: capabilities) && $0.keys.contains(key)
                    }
                }
            #expect(listed.contains(action.id) == (expected && !shadowed), "\(action.id) on \(pane) for \(provider)")
        }
    }

    @Test(arguments: ProviderCase.allCases, PaneID.allCases)
    func everyHintedActionShowsItsKey(_ provider: ProviderCase, pane: PaneID) async throws {
        let capabilities = try await capabilities(provider)
        let map = KeyMap()
        for mode in [InvitationsViewModel.Mode.received, .sent] {
            let context = ActionContext(
                pane: pane, capabilities: capabilities, isTop: false, invitationMode: mode,
                hasReceivedInvitations: capabilities.contains(.answerInvitations))
            let hints = map.hints(in: context)
            for action in ActionCatalogue.standard.actions where action.isOffered(in: context) {
                guard let hint = action.hint, let text = hint.label(context), let key = action.keys.first else {
                    continue
                }
                #expect(hints.contains("\(KeyName.label(key)) \(text)"), "\(action.id) on \(pane): \(hints)")
            }
        }
    }

    @Test func aRebindingChangesTheKeyTheHintAndTheHelp() async throws {
        let capabilities = try await capabilities(.cloudflare)
        let map = KeyMap(bindings: ["members.invite": ["I"], "list.sort": [""]])
        #expect(map.warnings.isEmpty, "\(map.warnings)")
        let members = ActionContext(pane: .members, capabilities: capabilities)
        #expect(map.action(for: .character("I"), in: members)?.id == "members.invite")
        #expect(map.action(for: .character("n"), in: members) == nil, "the default key is gone")
        #expect(map.action(for: .character("s"), in: members) == nil, "\"\" unbinds")
        let hints = map.hints(in: members)
        #expect(hints.contains("I invite") && !hints.contains("n invite"), "\(hints)")
        #expect(!hints.contains("s sort"))
        let help = map.help(in: members)
        #expect(help.first { $0.id == "members.invite" }?.label == "I")
        #expect(
            help.first { $0.id == "list.sort" }?.label == ":list.sort",
            "an unbound action is still in help, by its palette name")
    }

    @Test func aConflictWarnsNamingBothActionsAndTheRebindingWins() async throws {
        let map = KeyMap(bindings: ["members.invite": ["e"], "members.invit": ["x"], "tokens.create": ["Ctrl-"]])
        let conflict = map.warnings.first { $0.contains("members.invite") && $0.contains("members.edit") }
        #expect(conflict != nil, "\(map.warnings)")
        #expect(map.warnings.contains { $0.contains("\"members.invit\"") && $0.contains("members.invite") })
        #expect(map.warnings.contains { $0.contains("\"Ctrl-\"") })
        let members = ActionContext(pane: .members, capabilities: try await capabilities(.cloudflare))
        #expect(map.action(for: .character("e"), in: members)?.id == "members.invite")
        // Tokens keep their own `e`: the two never meet on one pane.
        let tokens = ActionContext(pane: .tokens, capabilities: try await capabilities(.cloudflare))
        #expect(map.action(for: .character("e"), in: tokens)?.id == "tokens.edit")
    }

    @Test func keyNamesRoundTripThroughTheirLabels() {
        let keys: [Key] = [
            .character("x"), .control("d"), .enter, .escape, .tab, .backTab, .up, .down, .pageUp, .pageDown, .home,
            .end, .function(5), .character(" "),
        ]
        for key in keys { #expect(KeyName.parse(KeyName.label(key)) == key, "\(key)") }
        #expect(KeyName.parse("C-n") == .control("n"))
        #expect(KeyName.parse("PageDown") == .pageDown)
        #expect(KeyName.parse("Hyper-q") == nil)
    }

    @Test func thePaletteMatchesIdsAndTitlesAndRunsWithAnArgument() async throws {
        let context = ActionContext(pane: .members, capabilities: try await capabilities(.cloudflare))
        #expect(CommandPalette.matches("members.inv", in: context).first?.id == "members.invite")
        #expect(CommandPalette.matches("invite a", in: context).first?.id == "members.invite")
        #expect(CommandPalette.matches("audit since 2026-01-01", in: context).first?.id == "audit.show")
        #expect(CommandPalette.argument("audit since 2026-01-01") == "since 2026-01-01")
        let tokensOnly = CommandPalette.matches("tokens.create", in: context).map(\.id)
        #expect(!tokensOnly.contains("tokens.create"), "a Tokens action is not offered on Members")

        let harness = try await ConsoleHarness()
        #expect(await harness.start())
        harness.press(.character(":"))
        for character in "readonly" { harness.press(.character(character)) }
        harness.press(.enter)
        #expect(harness.session.readOnly)
    }

    @Test func aReboundKeyWorksInTheRunningConsole() async throws {
        let harness = try await ConsoleHarness(keyMap: KeyMap(bindings: ["pane.tokens": ["T"], "help.open": ["F1"]]))
        #expect(await harness.start())
        harness.press(.character("3"))
        #expect(harness.runtime.state.pane == .accounts, "3 was rebound away from the Tokens pane")
        harness.press(.character("T"))
        #expect(harness.runtime.state.pane == .tokens)
        harness.press(.function(1))
        #expect(harness.runtime.state.overlay == .help)
        #expect(harness.text.contains("T           Tokens pane"))
    }
}
