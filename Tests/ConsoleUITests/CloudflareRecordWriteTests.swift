import APICore
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import DemoServer
import TUIKit
import Testing

/// `:subs` writes (n, e, D) and the fresh single-item reads behind Enter in `:subs`, `:orgs` and `:roles`, from a key
/// to the request the DemoServer answered.
@MainActor
@Suite("Cloudflare subscriptions, organizations and roles: keys in, requests out")
struct CloudflareRecordWriteTests {
    private func type(_ harness: ConsoleHarness, _ text: String) {
        for character in text { harness.press(.character(character)) }
    }

    private func openInAcme(_ harness: ConsoleHarness, _ command: String) async -> Bool {
        harness.press(.character("1"), .character("g"), .enter)
        guard await harness.waiter.until({ harness.session.scope.node(.account) != nil }) else { return false }
        harness.press(.character(":"))
        type(harness, command)
        harness.press(.enter)
        return await harness.waiter.until {
            harness.session.records.list.snapshot.loadState == .loaded
                && !harness.session.records.list.snapshot.rows.isEmpty
        }
    }

    @Test func nEAndDInSubsCreateChangeAndCancelSubscriptions() async throws {
        let harness = try await ConsoleHarness()
        #expect(await harness.start())
        let acme = await harness.accountID(0)
        #expect(await openInAcme(harness, "subs"))
        #expect(harness.text.contains("n new · e change · D cancel"))
        let before = harness.session.records.list.snapshot.rows.count

        harness.press(.character("n"))
        guard case .profileForm = harness.runtime.state.overlay else {
            Issue.record("no form")
            return
        }
        type(harness, "yearly")
        harness.press(.down)
        type(harness, "business")
        harness.press(.enter)
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until { harness.session.records.list.snapshot.rows.count == before + 1 })
        #expect(await harness.count("POST", "/accounts/\(acme)/subscriptions") == 1)

        harness.press(.character("g"), .character("e"))
        for _ in 0..<10 { harness.press(.backspace) }
        type(harness, "quarterly")
        harness.press(.enter)
        await harness.think()
        harness.press(.character("y"))
        let first = try #require(harness.session.records.list.snapshot.rows.first)
        #expect(await harness.waiter.until { harness.session.records.list.row(id: first.id)?.cells[2] == "quarterly" })
        #expect(await harness.count("PUT", "/accounts/\(acme)/subscriptions/\(first.id)") == 1)

        harness.press(.character("D"))
        guard case .confirm(let dialog) = harness.runtime.state.overlay else {
            Issue.record("no confirmation")
            return
        }
        await harness.think()
        type(harness, dialog.typedNameRequired ?? "")
        harness.press(.enter)
        #expect(await harness.waiter.until { harness.session.records.list.row(id: first.id) == nil })
        #expect(await harness.count("DELETE", "/accounts/\(acme)/subscriptions/\(first.id)") == 1)
    }

    @Test func enterReadsTheRowFreshInSubsRolesAndOrgs() async throws {
        let harness = try await ConsoleHarness()
        #expect(await harness.start())
        let acme = await harness.accountID(0)
        #expect(await openInAcme(harness, "roles"))
        let role = try #require(harness.session.records.list.snapshot.selectedRow)
        harness.press(.enter)
        #expect(
            await harness.waiter.eventually { await harness.count("GET", "/accounts/\(acme)/roles/\(role.id)") == 1 })
        #expect(
            await harness.waiter.until {
                harness.session.records.list.row(id: role.id)?.fields.contains { $0.label == "Permission" } == true
            })
        harness.press(.escape, .escape)

        harness.press(.character(":"))
        type(harness, "subs")
        harness.press(.enter)
        #expect(await harness.waiter.until { !harness.session.records.list.snapshot.rows.isEmpty })
        let subscription = try #require(harness.session.records.list.snapshot.selectedRow)
        harness.press(.enter)
        #expect(
            await harness.waiter.eventually {
                await harness.count("GET", "/accounts/\(acme)/subscriptions/\(subscription.id)") == 1
            })
        harness.press(.escape, .escape)

        harness.press(.character(":"))
        type(harness, "orgs")
        harness.press(.enter)
        #expect(await harness.waiter.until { !harness.session.records.list.snapshot.rows.isEmpty })
        let organization = try #require(harness.session.records.list.snapshot.selectedRow)
        harness.press(.enter)
        #expect(
            await harness.waiter.eventually {
                await harness.count("GET", "/user/organizations/\(organization.id)") == 1
            })
    }
}

/// Token permissions bound per scope from the token form: allow and deny, account, zone and user groups, and an edit
/// that rebuilds the policies while the rest of the token stays.
@MainActor
@Suite("Cloudflare token policies: each group on a resource of its own scope")
struct CloudflareTokenPolicyTests {
    /// Filters the picker by `filter` (no spaces: Space ticks), moves `down`, and presses Space `times`.
    private func tick(_ harness: ConsoleHarness, _ filter: String, down: Int = 0, times: Int = 1) {
        for _ in 0..<30 { harness.press(.backspace) }
        for character in filter { harness.press(.character(character)) }
        for _ in 0..<down { harness.press(.down) }
        for _ in 0..<times { harness.press(.character(" ")) }
    }

    @Test func aTokenWithZoneUserAndDenyGroupsGetsOnePolicyPerScope() async throws {
        let harness = try await ConsoleHarness()
        #expect(await harness.start())
        let acme = await harness.accountID(0)
        harness.press(.character("1"), .character("g"), .enter)
        #expect(await harness.waiter.until { harness.session.scope.node(.account) != nil })
        harness.press(.character("3"), .character("n"))
        #expect(
            await harness.waiter.until { if case .tokenForm = harness.runtime.state.overlay { true } else { false } })
        for character in "scoped" { harness.press(.character(character)) }
        harness.press(.tab)
        tick(harness, "DNS", down: 1)
        tick(harness, "Settings")
        tick(harness, "Billing", times: 2)
        #expect(harness.text.contains("[-] Billing Read"))
        harness.press(.enter)
        guard case .confirm(let dialog) = harness.runtime.state.overlay else {
            Issue.record("no confirmation: \(harness.runtime.state.flash?.text ?? "")")
            return
        }
        let lines = dialog.lines.joined(separator: "\n")
        #expect(lines.contains("allowing DNS Write on every zone of account Acme Corp"))
        #expect(lines.contains("denying Billing Read on account Acme Corp"))
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.until { harness.runtime.state.overlay == .secret })
        let token = try #require(await harness.store.tokens(of: .account(acme)).first { $0.name == "scoped" })
        let policies = token.policies ?? []
        #expect(policies.count == 3)
        let zonePolicy = try #require(policies.first { $0.permissionGroups.contains { $0.name == "DNS Write" } })
        #expect(
            zonePolicy.resources["com.cloudflare.api.account.\(acme)"]
                == .object(["com.cloudflare.api.account.zone.*": .string("*")]))
        #expect(
            policies.contains {
                $0.effect == .known(.deny) && $0.permissionGroups.contains { $0.name == "Billing Read" }
            })
    }

    @Test func editingThePermissionsRebuildsThePoliciesAndKeepsTheRest() async throws {
        let harness = try await ConsoleHarness()
        #expect(await harness.start())
        let listed = try #require(harness.session.tokens.snapshot.rows.firstIndex { $0.name == "ci-deploy" })
        let before = try #require(await harness.store.token(id: harness.session.tokens.snapshot.rows[listed].id))
        harness.press(.character("3"), .character("g"))
        for _ in 0..<listed { harness.press(.character("j")) }
        harness.press(.character("e"))
        #expect(
            await harness.waiter.until { if case .tokenForm = harness.runtime.state.overlay { true } else { false } })
        guard case .tokenForm(let form) = harness.runtime.state.overlay else { return }
        #expect(!form.chosen.isEmpty, "the token's own permissions are ticked")
        #expect(form.focused == .name)
        harness.press(.tab)
        #expect(harness.text.contains("[x]"))
        tick(harness, "Details")
        harness.press(.enter)
        await harness.think()
        harness.press(.character("y"))
        #expect(
            await harness.waiter.eventually {
                await harness.count("PUT", "/user/tokens/\(before.id ?? "")") == 1
            })
        let after = try #require(await harness.store.token(id: before.id ?? ""))
        #expect(after.name == before.name)
        #expect(after.condition == before.condition)
        #expect(after.expiresOn == before.expiresOn)
        #expect(
            after.policies?.contains {
                $0.resources.keys.contains { $0.hasPrefix("com.cloudflare.api.user.") }
            } == true)
        #expect(
            (after.policies ?? []).flatMap(\.permissionGroups).count == (before.policies ?? []).flatMap(
                \.permissionGroups
            ).count + 1)
        // The token stays bound to the one account it was bound to: an edit never widens it to every account.
        let acme = await harness.accountID(0)
        let keys = (after.policies ?? []).flatMap(\.resources.keys)
        #expect(keys.contains("com.cloudflare.api.account.\(acme)"))
        #expect(!keys.contains("com.cloudflare.api.account.*"))
    }
}

/// The detail panel of a token or a member shows the server's current copy: opening it reads the row on its own.
@MainActor
@Suite("Detail panels read their row fresh")
struct FreshDetailTests {
    @Test func dOnATokenAndEnterOnAMemberReadThatRowAgain() async throws {
        let harness = try await ConsoleHarness()
        #expect(await harness.start())
        harness.press(.character("3"), .character("j"))
        let token = try #require(harness.session.tokens.snapshot.selectedRow)
        harness.press(.character("d"))
        #expect(await harness.waiter.eventually { await harness.count("GET", "/user/tokens/\(token.id)") == 1 })
        harness.press(.character("d"))
        #expect(await harness.count("GET", "/user/tokens/\(token.id)") == 1, "closing the panel reads nothing")

        let acme = await harness.accountID(0)
        harness.press(.character("1"), .character("g"), .enter)
        #expect(await harness.waiter.until { harness.session.members.snapshot.loadState == .loaded })
        harness.press(.character("2"), .character("j"))
        let member = try #require(harness.session.members.snapshot.selectedRow)
        harness.press(.enter)
        #expect(
            await harness.waiter.eventually {
                await harness.count("GET", "/accounts/\(acme)/members/\(member.id)") == 1
            })
    }

    @Test func iInTheRolePickerReadsTheHighlightedRoleWithItsPermissions() async throws {
        let harness = try await ConsoleHarness()
        #expect(await harness.start())
        let acme = await harness.accountID(0)
        harness.press(.character("1"), .character("g"), .enter)
        #expect(await harness.waiter.until { harness.session.members.snapshot.loadState == .loaded })
        harness.press(.character("2"), .character("j"), .character("e"))
        #expect(await harness.waiter.until { if case .roles = harness.runtime.state.overlay { true } else { false } })
        guard case .roles(let picker) = harness.runtime.state.overlay else { return }
        let role = picker.picker.roles[picker.picker.cursor]
        #expect(harness.text.contains("i permissions"))
        harness.press(.character("i"))
        #expect(
            await harness.waiter.eventually { await harness.count("GET", "/accounts/\(acme)/roles/\(role.id)") == 1 })
        #expect(await harness.waiter.until { harness.runtime.state.flash?.text.hasPrefix("\(role.name):") == true })
    }
}
