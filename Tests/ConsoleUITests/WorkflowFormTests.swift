import APICore
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import Foundation
import TUIKit
import Testing

@MainActor
@Suite("Forms and commands of the identity workflows")
struct WorkflowFormTests {
    @Test(
        arguments: [
            ("audit", ProviderCapabilities.readAuditLog, true), ("audit", [], false),
            ("billing", .readBilling, true), ("subs", [], false), ("orgs", .leaveOrganizations, true),
            ("account", .administerAccounts, true), ("account", [], false),
        ] as [(String, ProviderCapabilities, Bool)])
    func paletteCommandsExistOnlyWithTheirCapability(command: String, capabilities: ProviderCapabilities, offered: Bool)
    {
        let context = ActionContext(pane: .accounts, capabilities: capabilities)
        let names = CommandPalette.matches(command, in: context).map { $0.command?.word }
        #expect((names.first == command) == offered, "\(command) with \(capabilities): \(names)")
    }

    @Test func anExactCommandNameWinsOverALongerOne() {
        let context = ActionContext(pane: .accounts, capabilities: .administerAccounts)
        #expect(CommandPalette.matches("account", in: context).first?.command?.word == "account")
        #expect(CommandPalette.matches("accounts", in: context).first?.command?.word == "accounts")
    }

    @Test func anEmptiedProfileFieldIsCleared() {
        var form = ProfileForm(fields: [
            EditableField(id: "telephone", label: "Telephone", value: "+1 555"),
            EditableField(id: "country", label: "Country", value: nil),
            EditableField(id: "zipcode", label: "Zipcode", value: "1000"),
        ])
        form.values["telephone"] = ""
        form.values["country"] = "PT"
        #expect(form.changes == ["telephone": .clear, "country": .set("PT")])
    }

    @Test func aTokenEditSendsOnlyWhatChangedAndRefusesABadDate() throws {
        let token = Token(
            id: "t1", name: "ci", status: .active, expiresOn: Timestamp.parse("2030-01-01T00:00:00Z"),
            allowedIPRanges: ["192.0.2.0/24"])
        var form = TokenForm(editing: token)
        #expect(try form.edit().get() == TokenEdit())
        form.enabled = false
        form.texts[.allowedIPs] = "192.0.2.0/24, 198.51.100.0/24"
        form.texts[.expires] = ""
        #expect(
            try form.edit().get()
                == TokenEdit(
                    enabled: false, expiresOn: .clear, allowedIPRanges: ["192.0.2.0/24", "198.51.100.0/24"]))
        form.texts[.expires] = "next week"
        #expect(throws: TokenFormError.self) { try form.edit().get() }
    }

    @Test func aTokenDraftNeedsANameAndAPermission() throws {
        let groups = [PermissionGroup(id: "pg1", name: "DNS Read"), PermissionGroup(id: "pg2", name: "Zone Read")]
        let scope = Scope([ScopeNode(kind: .account, id: "acc1", name: "Acme")])
        var form = TokenForm(creatingIn: scope, groups: groups)
        #expect(throws: TokenFormError.self) { try form.draft().get() }
        form.texts[.name] = "deploy"
        #expect(throws: TokenFormError.self) { try form.draft().get() }
        form.chosen = ["pg2"]
        form.texts[.notBefore] = "2026-12-01"
        let draft = try form.draft().get()
        #expect(draft.permissionGroups.map(\.id) == ["pg2"] && draft.resources == .scopedAccount)
        #expect(draft.notBefore == Timestamp.parse("2026-12-01"))
        form.groupFilter = "dns"
        #expect(form.filteredGroups.map(\.id) == ["pg1"])
        #expect(TokenForm(creatingIn: .top, groups: groups).allAccounts, "with no account in scope: every account")
    }

    @Test(arguments: [
        ("", "open"), ("since 2026-11-01", "open"), ("2026-11-01", "open"), ("since", "usage"),
        ("since yesterday", "usage"), ("actor alex", "open"), ("before 2026-12-01 actor alex action login", "open"),
        ("actor", "usage"), ("colour red", "usage"),
    ])
    func auditTakesDatesAndFilters(argument: String, expected: String) async throws {
        let harness = try await ConsoleHarness()
        #expect(await harness.start())
        harness.press(.character(":"))
        for character in "audit " + argument { harness.press(.character(character)) }
        harness.press(.enter)
        let opened = if case .records = harness.runtime.state.overlay { true } else { false }
        #expect(opened == (expected != "usage"), "`:audit \(argument)`")
        if expected == "usage" { #expect(harness.runtime.state.flash?.text.contains("Usage") == true) }
    }

    @Test func auditFiltersKeepOnlyMatchingEntriesAndSayWhatTheyAre() async throws {
        let harness = try await ConsoleHarness()
        #expect(await harness.start())
        harness.press(.character(":"))
        for character in "audit actor alex action login" { harness.press(.character(character)) }
        harness.press(.enter)
        #expect(await harness.waiter.until { harness.session.records.list.snapshot.loadState == .loaded })
        let rows = harness.session.records.list.snapshot.rows
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.cells[1].contains("alex") && $0.cells[2].contains("login") })
        #expect(harness.text.contains("actor alex · action login"))
    }

    @Test func readOnlyRefusesTheNewFormsBeforeTheyOpen() async throws {
        let harness = try await ConsoleHarness(readOnly: true)
        #expect(await harness.start())
        harness.press(.character("e"))
        #expect(harness.runtime.state.overlay == nil)
        #expect(harness.runtime.state.flash?.text.contains("Read-only") == true)
        harness.press(.character("3"), .character("n"))
        #expect(harness.runtime.state.overlay == nil)
        #expect(harness.runtime.state.flash?.text.contains("Read-only") == true)
        #expect(await harness.demo.writeCount() == 0)
    }
}
