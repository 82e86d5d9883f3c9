import APICore
import CloudflareAPI
import ConsoleTesting
import Foundation
import Testing

@testable import DemoServer

@Suite("Cloudflare client against the demo server over loopback HTTP")
struct CloudflareLoopbackTests {
    @Test func everyReadEndpointDecodes() async throws {
        try await withLoopback(members: 60) { (h: LoopbackHarness) async throws in
            let client = h.client
            let user = try await client.user()
            #expect(user.email == h.server.userEmail)
            let accounts = try await client.accounts().fetchAll()
            #expect(accounts.count >= 3)
            let account = try #require(accounts.first { $0.id == h.server.store.bigAccountID })
            #expect(try await client.account(id: account.id).name == account.name)
            let members = try await client.members(accountID: account.id).fetchAll()
            #expect(members.count == 60)
            let member = try #require(members.first)
            #expect(try await client.member(accountID: account.id, id: member.id ?? "").id == member.id)
            let roles = try await client.roles(accountID: account.id).fetchAll()
            #expect(!roles.isEmpty)
            #expect(try await client.role(accountID: account.id, id: roles[0].id).name == roles[0].name)
            let userTokens = try await client.tokens(.user, query: .init(includeExpired: true)).fetchAll()
            #expect(
                Set(userTokens.compactMap(\.status)).isSuperset(of: [
                    .known(.active), .known(.disabled), .known(.expired),
                ]))
            #expect(try await client.token(.user, id: userTokens[0].id ?? "").name == userTokens[0].name)
            #expect(try await client.verifyToken().id == h.server.loginTokenID)
            #expect(!(try await client.tokenPermissionGroups(.user).fetchAll()).isEmpty)
            #expect(!(try await client.tokens(.account(id: account.id)).fetchAll()).isEmpty)
            #expect(!(try await client.tokenPermissionGroups(.account(id: account.id)).fetchAll()).isEmpty)
            let invites = try await client.invites().fetchAll()
            #expect(
                Set(invites.compactMap(\.status)).isSuperset(of: [
                    .known(.pending), .known(.expired), .known(.accepted),
                ]))
            #expect(try await client.invite(id: invites[0].id ?? "").organizationID == invites[0].organizationID)
            let organizations = try await client.userOrganizations().fetchAll()
            #expect(!organizations.isEmpty)
            _ = try await client.userOrganization(id: organizations[0].id ?? "")
            _ = try await client.userAuditLogs().fetchAll()
            _ = try await client.userSubscriptions().fetchAll()
            _ = try await client.billingHistory().fetchAll()
            _ = try await client.billingProfile()
            _ = try await client.tenants().fetchAll()
            _ = try await client.accountSubscriptions(accountID: account.id).fetchAll()
            let logs = try await client.accountAuditLogs(
                accountID: account.id, .init(since: "2000-01-01", before: "2100-01-01", limit: 5)
            ).fetchAll()
            #expect(!logs.isEmpty)
        }
    }

    @Test func writesChangeServerState() async throws {
        try await withLoopback(members: 20) { (h: LoopbackHarness) async throws in
            let client = h.client
            let account = h.server.store.bigAccountID
            let edited = try await client.editUser(.init(telephone: "+1 555 0100"))
            #expect(edited.telephone == "+1 555 0100")
            let groups = try await client.tokenPermissionGroups(.account(id: account)).fetchAll()
            let policy = Cloudflare.TokenPolicy(
                effect: OpenEnum(.allow), permissionGroups: [.init(id: groups[0].id ?? "")],
                resources: ["com.cloudflare.api.account.\(account)": .string("*")])
            let created = try await client.createToken(
                .account(id: account), .init(name: "loopback", policies: [policy]))
            let id = try #require(created.token.id)
            #expect(created.secret?.reveal() == (await h.server.store.secret(ofTokenID: id)))
            let disabled = try await client.setTokenStatus(.account(id: account), id: id, enabled: false)
            #expect(disabled.status == .known(.disabled))
            try await client.deleteToken(.account(id: account), id: id)
            await #expect(throws: APIError.self) { try await client.token(.account(id: account), id: id) }

            let roles = try await client.roles(accountID: account).fetchAll()
            let before = await h.server.store.memberCount(accountID: account)
            let added = try await client.addMember(
                accountID: account, .init(email: "new.person@example.com", roles: [roles[0].id]))
            #expect(added.status == .known(.pending))
            let memberID = try #require(added.id)
            let updated = try await client.updateMember(
                accountID: account, id: memberID, .init(roles: [.init(id: roles[1].id)]))
            #expect(updated.roles?.map(\.id) == [roles[1].id])
            try await client.removeMember(accountID: account, id: memberID)
            #expect(await h.server.store.memberCount(accountID: account) == before)
        }
    }

    @Test func fetchAllOfTheBigAccountKeepsOrderWithoutAnExtraRequest() async throws {
        try await withLoopback { h in
            let account = h.server.store.bigAccountID
            let list = h.client.members(accountID: account, .init(perPage: 50))
            var sequential: [String] = []
            for try await page in list.pages { sequential += page.items.compactMap(\.id) }
            await h.server.requestLog.clear()
            let concurrent = try await list.fetchAll(concurrency: 6).compactMap(\.id)
            #expect(concurrent.count == 2_500)
            #expect(concurrent == sequential)
            #expect(Set(concurrent).count == 2_500)
            #expect(await h.requests("GET", pathSuffix: "/members").count == 50)
        }
    }

    @Test func aRateLimitedReadWaitsForRetryAfterAndSucceeds() async throws {
        try await withLoopback(members: 10) { (h: LoopbackHarness) async throws in
            h.server.faults.inject(.status(429, retryAfter: 2), method: "GET", path: "/accounts", times: 1)
            let accounts = try await h.client.accounts().fetchAll()
            #expect(!accounts.isEmpty)
            #expect(h.sleeper.recorded == [.seconds(2)])
            #expect(await h.requests("GET", pathSuffix: "/accounts").map(\.status) == [429, 200])
        }
    }

    @Test func aRollIsNotRetriedAfterA503() async throws {
        try await withLoopback(members: 10) { (h: LoopbackHarness) async throws in
            let token = try #require(
                try await h.client.tokens(.user).fetchAll().first { $0.id != h.server.loginTokenID })
            let id = try #require(token.id)
            let secretBefore = await h.server.store.secret(ofTokenID: id)
            h.server.faults.inject(.status(503), method: "PUT", path: "/user/tokens/*/value", times: 1)
            await #expect { try await h.client.rollToken(.user, id: id) } throws: { ($0 as? APIError)?.status == 503 }
            #expect(await h.requests("PUT", pathSuffix: "/value").count == 1)
            #expect(await h.server.store.secret(ofTokenID: id) == secretBefore)
        }
    }

    @Test func aDroppedRollIsOutcomeUnknownAndNotResent() async throws {
        try await withLoopback(members: 10) { (h: LoopbackHarness) async throws in
            let token = try #require(
                try await h.client.tokens(.user).fetchAll().first { $0.id != h.server.loginTokenID })
            let id = try #require(token.id)
            let secretBefore = await h.server.store.secret(ofTokenID: id)
            h.server.faults.inject(.reset(afterHandling: true), method: "PUT", path: "/user/tokens/*/value", times: 1)
            await #expect { try await h.client.rollToken(.user, id: id) } throws: {
                ($0 as? APIError)?.kind == .outcomeUnknown
            }
            let log = await h.server.requestLog.entries()
            #expect(await h.requests("PUT", pathSuffix: "/value").count == 1, "\(log)")
            // The roll did happen: exactly why the client must re-read rather than roll again.
            #expect(await h.server.store.secret(ofTokenID: id) != secretBefore)
        }
    }

    @Test func aWriteThatTimesOutIsOutcomeUnknown() async throws {
        try await withLoopback(members: 10, requestTimeout: .seconds(2)) { (h: LoopbackHarness) async throws in
            // Read from the server's store, not over HTTP: under a loaded machine an ordinary read can miss the
            // 2-second timeout this test gives its client for the write.
            let invite = try #require(await h.server.store.invites.first { $0.status == .known(.pending) })
            h.server.faults.inject(.latency(.seconds(8)), method: "PATCH", path: "/user/invites/*", times: 1)
            await #expect {
                try await h.client.respondToInvite(id: invite.id ?? "", .accept)
            } throws: { ($0 as? APIError)?.kind == .outcomeUnknown }
            #expect(await h.requests("PATCH", pathSuffix: invite.id ?? "?").count <= 1)
        }
    }

    @Test(arguments: [FaultKind.malformedJSON, .truncatedJSON])
    func brokenBodiesAreClearErrors(fault: FaultKind) async throws {
        try await withLoopback(members: 10) { (h: LoopbackHarness) async throws in
            h.server.faults.inject(fault, method: "GET", path: "/user", times: 1)
            await #expect { try await h.client.user() } throws: { error in
                let kind = (error as? APIError)?.kind
                return kind == .malformedResponse || kind == .timedOut
            }
            #expect(try await h.client.user().email == h.server.userEmail)
        }
    }

    @Test func wrongCredentialsGetTheRealAPIErrors() async throws {
        try await withLoopback(
            members: 10, credentials: { _ in .apiToken(Secret("not-a-valid-token-0000000000000000000000")) }
        ) { (h: LoopbackHarness) async throws in
            await #expect { try await h.client.user() } throws: { error in
                let error = try #require(error as? APIError)
                return error.status == 403 && error.providerMessages.first?.code == "9109"
            }
            await #expect { try await h.client.verifyToken() } throws: { error in
                let error = try #require(error as? APIError)
                return error.status == 401 && error.providerMessages.first?.code == "1000"
            }
        }
    }

    @Test func theGlobalKeySignsInToo() async throws {
        try await withLoopback(members: 10, credentials: { .globalKey(Secret($0.globalAPIKey), email: $0.userEmail) }) {
            (h: LoopbackHarness) async throws in
            #expect(try await h.client.user().email == h.server.userEmail)
        }
        try await withLoopback(members: 10, credentials: { .globalKey(Secret("wrong-key"), email: $0.userEmail) }) {
            (h: LoopbackHarness) async throws in
            await #expect(throws: APIError.self) { try await h.client.user() }
        }
    }

    @Test func secretsNeverReachTheLogOrErrors() async throws {
        try await withLoopback(members: 10) { (h: LoopbackHarness) async throws in
            let login = h.server.loginToken
            let token = try #require(
                try await h.client.tokens(.user).fetchAll().first { $0.id != h.server.loginTokenID })
            let secret = try await h.client.rollToken(.user, id: token.id ?? "")
            let rolled = try #require(secret.reveal())
            h.server.faults.inject(.status(500), method: "GET", path: "/user", times: 3)
            do {
                _ = try await h.client.user()
            } catch let error as APIError {
                #expect(!error.debugDescription.contains(login))
                #expect(!error.userMessage.contains(login))
            }
            let lines = h.log.all
            #expect(lines.count >= 5)
            #expect(lines.allSatisfy { !$0.contains(login) && !$0.contains(rolled) && !$0.contains("Bearer") })
            #expect(lines.contains { $0.contains("PUT /client/v4/user/tokens/") && $0.contains("200") })
        }
    }
}
