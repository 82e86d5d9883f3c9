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
