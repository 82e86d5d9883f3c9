import APICore
import CloudflareAPI
import ConsoleTesting
import DemoServer
import Foundation
import Testing

@Suite("Cloudflare identity workflows against the demo server over loopback HTTP")
struct CloudflareWorkflowLoopbackTests {
    @Test func inviteWithTwoRolesChangeThemAndRemove() async throws {
        try await withLoopback(members: 20) { (h: LoopbackHarness) async throws in
            let directory = CloudflareDirectory(client: h.client)
            let accountID = h.server.store.bigAccountID
            let scope = Scope([ScopeNode(kind: .account, id: accountID, name: "Big")])
            let inviting = try #require(directory.memberInviting)
            #expect(inviting.allowsSeveralRoles && inviting.canInvite(in: scope) && !inviting.canInvite(in: .top))
            let roles = try await inviting.invitableRoles(in: scope)
            #expect(roles.count == (await h.server.store.roles(accountID: accountID)).count)
            #expect(roles.contains { !$0.permissions.isEmpty })

            let invitation = try await inviting.invite(
                email: "two.roles@example.com", roles: Array(roles.prefix(2)), in: scope)
            #expect(invitation.status == .pending && invitation.direction == .sent)
            let stored = try #require(await h.server.store.member(accountID: accountID, memberID: invitation.id))
            #expect(stored.status == .known(.pending))
            #expect(Set(stored.roles?.map(\.id) ?? []) == Set(roles.prefix(2).map(\.id)))
            let posted = await h.requests("POST", pathSuffix: "/accounts/\(accountID)/members")
            #expect(posted.count == 1)

            let editing = try #require(directory.memberRoleEditing)
            let member = Member(cloudflare: stored, accountID: accountID, accountName: "Big")
            let updated = try await editing.setRoles(of: member, to: [roles[2]])
            #expect(updated.roles.map(\.id) == [roles[2].id])
            #expect(
                await h.server.store.member(accountID: accountID, memberID: member.id)?.roles?.map(\.id) == [
                    roles[2].id
                ])
            #expect(try await editing.member(member).roles.map(\.id) == [roles[2].id])

            try await directory.removeMember(updated)
            #expect(await h.server.store.member(accountID: accountID, memberID: member.id) == nil)
        }
    }

    @Test func leavingAnOrganizationAndCancellingASubscriptionReadTheTopLevelID() async throws {
        try await withLoopback(members: 5) { (h: LoopbackHarness) async throws in
            let client = h.client
            let organizations = try await client.userOrganizations().fetchAll()
            let organization = try #require(organizations.first?.id)
            #expect(try await client.leaveOrganization(id: organization) == organization)
            #expect(try await client.userOrganizations().fetchAll().contains { $0.id == organization } == false)

            let subscriptions = try await client.userSubscriptions().fetchAll()
            let subscription = try #require(subscriptions.first?.id)
            #expect(try await client.deleteUserSubscription(id: subscription) == subscription)
            #expect(try await client.userSubscriptions().fetchAll().contains { $0.id == subscription } == false)
        }
    }

    @Test func aProfileFieldCanBeCleared() async throws {
        try await withLoopback(members: 5) { (h: LoopbackHarness) async throws in
            _ = try await h.client.editUser(.init(telephone: "+1 555 0100", zipcode: "1000"))
            let edited = try await h.client.editUser(.init(telephone: .clear))
            #expect(edited.telephone == nil && edited.zipcode == "1000")
            #expect(await h.server.store.demoUser().telephone == nil)
        }
    }

    @Test func anEmptyMemberIDNeverReachesTheServer() async throws {
        try await withLoopback(members: 5) { (h: LoopbackHarness) async throws in
            let accountID = h.server.store.bigAccountID
            await h.server.requestLog.clear()
            await #expect(throws: APIError.self) { try await h.client.removeMember(accountID: accountID, id: "") }
            #expect(await h.server.requestLog.entries().isEmpty)
        }
    }
}
