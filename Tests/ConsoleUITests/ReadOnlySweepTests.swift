import ConsoleModel
import ConsoleTesting
import ConsoleUI
import Foundation
import TUIKit
import Testing

/// Read-only mode, write by write, from the keys a person presses: every write key of every provider refused with a
/// message that says so, and no write request reaching the server.
@MainActor
@Suite("Read-only: every write key of every provider refused, nothing sent")
struct ReadOnlySweepTests {
    /// One write reached by keys from the top level's Accounts pane: `steps` are pressed in order, waiting after each
    /// for the pane's rows.
    struct Case: Sendable, CustomStringConvertible {
        var id: String
        var steps: [[Key]]
        var description: String { id }
    }

    static func keys(_ text: String) -> [Key] { text.map { .character($0) } }

    /// `:command` typed into the palette and run.
    static func palette(_ command: String) -> [Key] { keys(":" + command) + [.enter] }

    static let cases: [String: [Case]] = [
        "cloudflare": [
            Case(id: "accounts.edit", steps: [keys("1"), keys("e")]),
            Case(id: "members.invite", steps: [keys("1"), [.enter], keys("2"), keys("n")]),
            Case(id: "members.edit", steps: [keys("1"), [.enter], keys("2"), keys("e")]),
            Case(id: "members.remove", steps: [keys("1"), [.enter], keys("2"), keys("D")]),
            Case(id: "tokens.create", steps: [keys("3"), keys("n")]),
            Case(id: "tokens.edit", steps: [keys("3"), keys("e")]),
            Case(id: "tokens.roll", steps: [keys("3"), keys("R"), keys("r")]),
            Case(id: "tokens.toggle", steps: [keys("3"), keys("R"), keys("e")]),
            Case(id: "tokens.delete", steps: [keys("3"), keys("R"), keys("d")]),
            Case(id: "invitations.accept", steps: [keys("4"), keys("a")]),
            Case(id: "invitations.reject", steps: [keys("4"), keys("x")]),
            Case(id: "subscriptions.cancel (:subs D)", steps: [palette("subs"), keys("D")]),
            Case(id: "orgs.leave (:orgs D)", steps: [palette("orgs"), keys("D")]),
            Case(id: "user.edit (:user e)", steps: [palette("user"), keys("e")]),
        ],
        "openai": [
            Case(id: "members.invite", steps: [keys("2"), keys("n")]),
            Case(id: "members.edit", steps: [keys("2"), keys("e")]),
            Case(id: "members.remove", steps: [keys("2"), keys("D")]),
            Case(id: "members.assignRoles", steps: [keys("2"), keys("A")]),
            Case(id: "tokens.rotate", steps: [keys("3"), keys("R"), keys("o")]),
            Case(id: "tokens.delete", steps: [keys("3"), keys("R"), keys("d")]),
            Case(id: "invitations.revoke", steps: [keys("4"), keys("x")]),
        ],
        "keycard": [
            Case(id: "accounts.edit", steps: [keys("1"), keys("e")]),
            Case(id: "members.toggle", steps: [keys("1"), [.enter], keys("2"), keys("t")]),
            Case(id: "members.edit", steps: [keys("1"), [.enter], keys("2"), keys("e")]),
            Case(id: "tokens.create", steps: [keys("1"), [.enter], keys("3"), keys("n")]),
            Case(id: "tokens.edit", steps: [keys("1"), [.enter], keys("3"), keys("e")]),
            Case(id: "invitations.invite", steps: [keys("1"), [.enter], keys("4"), keys("n")]),
            Case(id: "invitations.revoke", steps: [keys("1"), [.enter], keys("4"), keys("x")]),
            Case(id: "accounts.create (:account new)", steps: [palette("account new Skunkworks")]),
            Case(id: "tokens.exchange (:exchange)", steps: [keys("1"), [.enter], palette("exchange")]),
            Case(id: "invitations.acceptToken (:accept)", steps: [palette("accept inv_token_from_an_email")]),
            // Globex Research, the second organization, has SSO on.
            Case(id: "sso.disable (:sso x)", steps: [keys("1"), keys("j"), [.enter], palette("sso"), keys("x")]),
            Case(id: "sso.update (:sso e)", steps: [keys("1"), keys("j"), [.enter], palette("sso"), keys("e")]),
            Case(id: "sso.enable (:sso e)", steps: [keys("1"), [.enter], palette("sso"), keys("e")]),
        ],
    ]

    /// Whether what the last step opened has its rows: the pane's, a records view's, or the SSO connection.
    static func settled(_ runtime: ConsoleRuntime) -> Bool {
        switch runtime.state.overlay {
        case .records: runtime.session.records.snapshot.selectedRow != nil || runtime.session.records.user != nil
        case .sso:
            switch runtime.session.sso.state {
            case .idle, .loading: false
            default: true
            }
        default: runtime.currentSelectedRowID != nil
        }
    }

    @Test(arguments: ["cloudflare", "openai", "keycard"])
    func everyWriteKeyIsRefused(_ profile: String) async throws {
        let harness = try await PeopleHarness(readOnly: true, first: profile)
        let runtime = harness.runtime
        #expect(await harness.until { runtime.session.accounts.snapshot.loadState == .loaded })
        var refused = 0
        var failures: [String] = []
        for write in Self.cases[profile] ?? [] {
            // Back to the top level's Accounts pane, nothing open, nothing said.
            for _ in 0..<4 { harness.press(.escape) }
            harness.press(.character("1"))
            runtime.flash(Notice(.info, "-"))
            for step in write.steps {
                for key in step { harness.press(key) }
                if step != write.steps.last { _ = await harness.until { Self.settled(runtime) } }
            }
            let said = runtime.state.flash?.text ?? ""
            let writes = await harness.demo.writeCount()
            if said.contains("Read-only"), writes == 0 {
                refused += 1
            } else {
                failures.append("\(write.id): \(said) (\(writes) writes)")
            }
        }
        let total = Self.cases[profile]?.count ?? 0
        print(
            "read-only \(profile): \(refused) / \(total) write keys refused, \(await harness.demo.writeCount()) writes")
        #expect(refused == total, "\(failures.joined(separator: "\n"))")
    }
}
