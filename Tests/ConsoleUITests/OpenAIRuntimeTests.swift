import APICore
import ConsoleModel
import ConsoleTesting
import ConsoleUI
import TUIKit
import Testing

/// The console over the DemoServer's OpenAI Admin API: scopes, member writes, invites and the guided rotation, with
/// the requests each one sends asserted on the server's log and on what the client sent.
@MainActor
@Suite("OpenAI in the console: keys in, requests out")
struct OpenAIRuntimeTests {
    @Test func enterOnAProjectScopesMembersAndTokens() async throws {
        let harness = try await OpenAIHarness()
        #expect(await harness.start())
        let project = try #require(await harness.store.projectIDs().dropFirst().first)
        #expect(await harness.enterProject(row: 2))
        #expect(harness.runtime.state.pane == .members)
        #expect(harness.text.contains("Production API › Members"))
        #expect(harness.session.scope.node(.project)?.id == project)
        let members = await harness.store.projectUserIDs(projectID: project)
        // 60 seeded, less one whose place a person shared with the other providers took.
        #expect(members.count == 59)
        #expect(harness.session.members.snapshot.rows.map(\.id) == Array(members.prefix(50)))
        #expect(harness.session.tokens.scope.node(.project)?.id == project)
        // The project's keys, then (the next page, loaded as the selection reaches it) its service accounts.
        let keys = await harness.store.projectAPIKeyIDs(projectID: project)
        let serviceAccounts = await harness.store.serviceAccountIDs(projectID: project)
        #expect(!keys.isEmpty && serviceAccounts.count == 3)
        harness.press(.character("3"), .character("G"))
        #expect(await harness.waiter.until { harness.session.tokens.snapshot.rows.map(\.id) == keys + serviceAccounts })
        #expect(harness.text.contains("Production API › Tokens"))
        #expect(await harness.count("GET", "/projects/\(project)/users") == 1)
        #expect(await harness.count("GET", "/projects/\(project)/service_accounts") == 1)
    }

    @Test func escapeStepsBackToTheOrganizationKeepingTheSelection() async throws {
        let harness = try await OpenAIHarness()
        #expect(await harness.start())
        let fourth = await harness.store.userIDs()[3]
        let project = try #require(await harness.store.projectIDs().dropFirst().first)
        harness.press(.character("2"), .character("j"), .character("j"), .character("j"))
        #expect(harness.session.members.snapshot.selectedRow?.id == fourth)
        #expect(await harness.enterProject(row: 2))
        #expect(harness.session.scope.node(.project)?.id == project)
        harness.press(.escape)
        #expect(harness.session.scope.isTop)
        #expect(harness.runtime.state.pane == .accounts)
        #expect(harness.session.accounts.snapshot.selectedRow?.id == project)
        #expect(await harness.waiter.until { harness.session.members.snapshot.selectedRow?.id == fourth })
        #expect(!harness.text.contains("Production API › "))
        // At the top level Esc has nowhere to go.
        harness.press(.escape)
        #expect(harness.session.scope.isTop)
    }

    @Test func eChangesTheOrganizationRoleWithOneRequest() async throws {
        let harness = try await OpenAIHarness()
        #expect(await harness.start())
        let user = try #require(await harness.store.organizationUser(id: harness.store.userIDs()[1]))
        try #require(user.role?.rawValue == "reader", "the seed's second user reads")
        harness.press(.character("2"), .character("j"), .character("e"))
        #expect(await harness.waiter.until { if case .roles = harness.runtime.state.overlay { true } else { false } })
        harness.press(.character("k"), .enter)
        #expect(harness.text.contains("Change the roles of \(user.email ?? "?")"))
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.eventually { await harness.store.userRole(id: user.id) == "owner" })
        #expect(
            await harness.waiter.until { harness.session.members.snapshot.selectedRow?.roles.map(\.id) == ["owner"] })
        #expect(await harness.count("POST", "/organization/users/\(user.id)") == 1)
        #expect(harness.demo.lastBody(.post, pathSuffix: "/organization/users/\(user.id)") == ["role": "owner"])
    }

    @Test func dRemovesAProjectMemberOnlyWithTheEmailTyped() async throws {
        let harness = try await OpenAIHarness()
        #expect(await harness.start())
        let project = try #require(await harness.store.projectIDs().first)
        #expect(await harness.enterProject(row: 1))
        harness.press(.character("j"))
        let member = try #require(harness.session.members.snapshot.selectedRow)
        let email = try #require(member.email)
        harness.press(.character("D"))
        guard case .confirm(let dialog) = harness.runtime.state.overlay else {
            Issue.record("no remove dialog")
            return
        }
        #expect(dialog.typedNameRequired == email)
        let path = "/projects/\(project)/users/\(member.id)"
        await harness.think()
        harness.press(.enter)
        #expect(await harness.count("DELETE", path) == 0)
        harness.type(email)
        harness.press(.enter)
        #expect(
            await harness.waiter.eventually {
                await harness.store.projectUserRole(projectID: project, userID: member.id) == nil
            })
        #expect(await harness.waiter.until { !harness.session.members.snapshot.rows.contains { $0.id == member.id } })
        #expect(await harness.count("DELETE", path) == 1)
        #expect(
            await harness.count("DELETE", "/organization/users/\(member.id)") == 0,
            "removing from a project keeps the organization user")
        #expect(await harness.store.userRole(id: member.id) != nil)
    }

    @Test func nInvitesAndXRevokes() async throws {
        let harness = try await OpenAIHarness()
        #expect(await harness.start())
        harness.press(.character("4"), .character("n"))
        #expect(await harness.waiter.until { if case .invite = harness.runtime.state.overlay { true } else { false } })
        harness.type("new.person@example.test")
        harness.press(.tab, .character("j"), .enter)
        #expect(harness.text.contains("Invite new.person@example.test"))
        await harness.think()
        harness.press(.character("y"))
        #expect(
            await harness.waiter.until {
                harness.session.invitations.snapshot.rows.contains { $0.inviteeEmail == "new.person@example.test" }
            })
        let invite = try #require(await harness.store.allInvites().first { $0.email == "new.person@example.test" })
        #expect(await harness.count("POST", "/organization/invites") == 1)
        #expect(
            harness.demo.lastBody(.post, pathSuffix: "/invites") == [
                "email": "new.person@example.test", "role": "reader",
            ])

        harness.session.invitations.list.select(id: invite.id)
        harness.press(.character("x"))
        #expect(harness.text.contains("Revoke the invitation of new.person@example.test"))
        await harness.think()
        harness.press(.character("y"))
        #expect(await harness.waiter.eventually { await harness.store.inviteStatus(id: invite.id) == nil })
        #expect(
            await harness.waiter.until { !harness.session.invitations.snapshot.rows.contains { $0.id == invite.id } })
        #expect(await harness.count("DELETE", "/invites/\(invite.id)") == 1)
    }

    @Test func xOnAnAcceptedInviteSendsNothing() async throws {
        let harness = try await OpenAIHarness()
        #expect(await harness.start())
        let accepted = try #require(await harness.store.allInvites().first { $0.status.rawValue == "accepted" })
        harness.press(.character("4"))
        harness.session.invitations.list.select(id: accepted.id)
        harness.press(.character("x"))
        #expect(harness.runtime.state.overlay == nil)
        #expect(harness.text.contains("only a pending one can be revoked"))
        #expect(await harness.demo.writeCount() == 0)
    }
}
