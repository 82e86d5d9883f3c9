import APICore
import DemoServer
import Foundation
import KeycardAPI
import Testing

@Suite("Keycard client against the demo server over loopback HTTP: reads, cursors and auth")
struct KeycardLoopbackTests {
    @Test func everyReadEndpointDecodes() async throws {
        try await withKeycardLoopback(configure: { $0.keycardUsers = 30 }) { (h: KeycardLoopbackHarness) async throws in
            let client = h.client
            let store = h.server.keycard
            let organizations = try await client.organizationPages(limit: 3, expand: [.permissions]).fetchAll()
            #expect(organizations.map(\.id) == (await store.userOrganizationIDs()))
            #expect(organizations.allSatisfy { $0.permissions?["organizations"]?["read"] == true })
            let big = try #require(organizations.first { $0.id == store.bigOrganizationID })
            #expect(try await client.organization(id: big.label).id == big.id, "a label addresses the organization too")
            let invitations = try await client.invitationPages(organizationID: big.id).fetchAll()
            #expect(Set(invitations.compactMap(\.status.value)) == Set(Keycard.InvitationStatus.allCases))
            let accounts = try await client.serviceAccountPages(organizationID: big.id).fetchAll()
            #expect(accounts.count == (await store.serviceAccounts(organizationID: big.id)).count)
            let account = try #require(accounts.first)
            #expect(try await client.serviceAccount(organizationID: big.id, id: account.id).name == account.name)
            let credentials = try await client.credentialPages(organizationID: big.id, serviceAccountID: account.id)
                .fetchAll()
            #expect(credentials.contains { $0.lastUsedAt == nil } && credentials.contains { $0.lastUsedAt != nil })
            let credential = try #require(credentials.first)
            #expect(
                try await client.credential(organizationID: big.id, serviceAccountID: account.id, id: credential.id)
                    .clientID == credential.clientID)
            #expect(try await client.ssoConnection(organizationID: big.id) == nil, "SSO is off: nil, not an error")
            let sso = try #require(try await client.ssoConnection(organizationID: store.ssoOrganizationID))
            #expect(sso.clientSecretSet)
            let users = try await client.userPages(organizationID: big.id).fetchAll()
            #expect(users.count == 31)
            #expect(try await client.user(organizationID: big.id, id: users[0].id).email == store.userEmail)
            #expect(
                try await client.roles(organizationID: big.id, scope: .organization).items.map(\.name)
                    == ["org_admin", "org_member", "org_viewer"])
            let identities = try await client.identities(
                organizationID: big.id, email: "invitee", .init(expand: [.totalCount]))
            #expect(identities.items.allSatisfy { $0.type == .known(.invitation) })
            #expect(identities.pagination?.totalCount == identities.items.count)
            let pending = try #require(invitations.first { $0.status == .known(.pending) })
            let token = try #require(await store.invitationToken(id: pending.id))
            #expect(try await client.invitation(token: Secret(token)).email == pending.email)
        }
    }

    @Test func cursorsWalkForwardWithAfterAndBackWithBefore() async throws {
        try await withKeycardLoopback(configure: { $0.keycardUsers = 600 }) {
            (h: KeycardLoopbackHarness) async throws in
            let organization = h.server.keycard.bigOrganizationID
            var forward: [String] = []
            var page = try await h.client.users(organizationID: organization, .init(limit: 47))
            #expect(page.pageInfo.hasPrevPage == false)
            forward += page.items.map(\.id)
            while page.pageInfo.hasNextPage {
                page = try await h.client.users(
                    organizationID: organization, .init(after: page.pageInfo.endCursor, limit: 47))
                forward += page.items.map(\.id)
            }
            #expect(forward.count == 601, "600 seeded members and the demo user")
            #expect(Set(forward).count == 601)
            #expect(forward == (await h.server.keycard.users(organizationID: organization)).map(\.id))

            var backward = page.items.map(\.id)
            while page.pageInfo.hasPrevPage {
                page = try await h.client.users(
                    organizationID: organization, .init(before: page.pageInfo.startCursor, limit: 47))
                backward = page.items.map(\.id) + backward
            }
            #expect(backward == forward)
            #expect(await h.requests("GET", pathSuffix: "/users").count == 2 * 13 - 1)
        }
    }

    @Test func theAPIKeySignsInAsTheDemoUser() async throws {
        try await withKeycardLoopback { (h: KeycardLoopbackHarness) async throws in
            let organizations = try await h.directory.accounts(in: .top, nameFilter: nil).pagedList?.fetchAll() ?? []
            #expect(organizations.map(\.id) == (await h.server.keycard.userOrganizationIDs()))
            #expect(organizations.allSatisfy { $0.scopeKind == .organization })
            #expect(await h.tokenRequests().isEmpty)
            #expect(try await h.directory.currentUser().name == "API key")
        }
    }

    @Test func clientCredentialsFetchOneTokenAndReuseIt() async throws {
        try await withKeycardLoopback(login: .clientCredentials) { (h: KeycardLoopbackHarness) async throws in
            let store = h.server.keycard
            let organizations = try await h.client.organizationPages().fetchAll()
            #expect(organizations.map(\.id) == [store.bigOrganizationID], "a service account sees its organization")
            _ = try await h.client.serviceAccountPages(organizationID: store.bigOrganizationID).fetchAll()
            _ = try await h.client.invitationPages(organizationID: store.bigOrganizationID).fetchAll()
            #expect(await h.tokenRequests().map(\.status) == [200])
            await #expect { try await h.client.organization(id: store.ssoOrganizationID) } throws: {
                ($0 as? APIError)?.status == 404
            }
        }
    }

    @Test(arguments: [(10, 3), (3600, 1)])
    func aTokenWithinTenSecondsOfExpiryIsFetchedAgain(lifetime: Int, expectedTokenRequests: Int) async throws {
        try await withKeycardLoopback(login: .clientCredentials, configure: { $0.keycardTokenLifetime = lifetime }) {
            (h: KeycardLoopbackHarness) async throws in
            for _ in 0..<3 { _ = try await h.client.organizations(.init(limit: 1)) }
            // A token that really expired on the way (a machine so loaded that a request takes 10 s) is answered
            // 401 and fetched once more: each such answer accounts for one more token request, never more.
            let expired = await h.requests("GET", pathSuffix: "/organizations").filter { $0.status == 401 }.count
            #expect(await h.tokenRequests().count == expectedTokenRequests + expired)
        }
    }

    @Test func a401RefetchesTheTokenOnceAndRetriesOnce() async throws {
        try await withKeycardLoopback(login: .clientCredentials) { (h: KeycardLoopbackHarness) async throws in
            _ = try await h.client.organizations()
            await h.server.keycard.revokeAccessTokens()
            await h.server.requestLog.clear()
            let organizations = try await h.client.organizations()
            #expect(organizations.items.count == 1)
            let log = await h.server.requestLog.entries().map { "\($0.method) \($0.path) \($0.status)" }
            #expect(log == ["GET /organizations 401", "POST /service-account-token 200", "GET /organizations 200"])
        }
    }

    @Test func revokedClientCredentialsFailWithTheServersMessage() async throws {
        let credentials = KeycardCredentials.clientCredentials(clientID: "nobody", clientSecret: Secret("nothing"))
        try await withKeycardLoopback(login: .custom(credentials)) { (h: KeycardLoopbackHarness) async throws in
            await #expect { try await h.client.organizations() } throws: { error in
                let error = try #require(error as? APIError)
                return error.status == 401 && error.providerMessages.first?.code == "invalid_client"
                    && error.requestLine == "POST /service-account-token"
            }
            #expect(await h.requests("GET", pathSuffix: "/organizations").isEmpty, "no API call without a token")
        }
    }

    @Test func aWrongAPIKeyIs401WithTheKeycardErrorShape() async throws {
        try await withKeycardLoopback(login: .custom(.apiKey(Secret("wrong-key")))) {
            (h: KeycardLoopbackHarness) async throws in
            await #expect { try await h.client.organizations() } throws: { error in
                let error = try #require(error as? APIError)
                return error.status == 401 && error.providerMessages.first?.code == "unauthorized"
                    && error.userMessage.contains("Invalid or expired access token")
            }
            #expect(await h.requests("GET", pathSuffix: "/organizations").count == 1, "an API key is not renewed")
        }
    }

    @Test func droppedEndpointsAreUnsupportedNotACrash() async throws {
        try await withKeycardLoopback(configure: { $0.keycardLegacyEndpoints = false }) {
            (h: KeycardLoopbackHarness) async throws in
            let organization = h.server.keycard.bigOrganizationID
            let scope = Scope([ScopeNode(kind: .organization, id: organization, name: "Acme Robotics")])
            let members = try #require(h.directory.members(in: scope, status: nil).pagedList)
            await #expect { try await members.page(members.first) } throws: { error in
                let error = try #require(error as? APIError)
                return error.kind == .unsupported
                    && error.userMessage == "This Keycard server does not list organization members"
            }
            for call in [
                { _ = try await h.client.roles(organizationID: organization) },
                { _ = try await h.client.identities(organizationID: organization) },
                { _ = try await h.client.exchangeToken(organizationID: organization) },
                { _ = try await h.client.user(organizationID: organization, id: h.server.keycard.userID) },
                { try await h.client.removeUser(organizationID: organization, id: h.server.keycard.userID) },
            ] as [@Sendable () async throws -> Void] {
                await #expect { try await call() } throws: { error in
                    let error = try #require(error as? APIError)
                    return error.kind == .unsupported && error.userMessage.hasSuffix("not supported by this server")
                }
            }
            #expect(
                try await h.directory.invitableRoles(in: scope).map(\.id) == ["org_admin", "org_member", "org_viewer"])
            // A 404 of an organization that does not exist stays a 404.
            await #expect { try await h.client.users(organizationID: "no-such-organization") } throws: {
                ($0 as? APIError)?.status == 404
            }
        }
    }

    @Test func directoryScopesMapToKeycardLists() async throws {
        try await withKeycardLoopback { (h: KeycardLoopbackHarness) async throws in
            let store = h.server.keycard
            #expect(h.directory.members(in: .top, status: nil).pagedList == nil)
            #expect(h.directory.tokens(in: .top).pagedList == nil)
            let organization = ScopeNode(kind: .organization, id: store.bigOrganizationID, name: "Acme Robotics")
            let accounts = try await #require(h.directory.tokens(in: Scope([organization])).pagedList).fetchAll()
            #expect(accounts.allSatisfy { $0.kind == .serviceAccount && $0.holdsCredentials })
            let login = try #require(accounts.first { $0.id == store.loginServiceAccountID })
            let inside = Scope([organization]).entering(try #require(login.scopeNode))
            let credentials = try await #require(h.directory.tokens(in: inside).pagedList).fetchAll()
            #expect(credentials.map(\.ownerLabel) == [store.loginClientID])
            #expect(credentials.allSatisfy { $0.kind == .credential && $0.owner == inside })
            let members = try await #require(
                h.directory.members(in: Scope([organization]), status: .disabled).pagedList
            ).fetchAll()
            #expect(!members.isEmpty && members.allSatisfy { $0.status == .disabled })
            let invitations = try await #require(h.directory.sentInvitations(in: Scope([organization])).pagedList)
                .fetchAll()
            #expect(invitations.count == (await store.invitations(organizationID: organization.id)).count)
            let filtered = try await #require(h.directory.accounts(in: .top, nameFilter: "glob").pagedList).fetchAll()
            #expect(filtered.map(\.name) == ["Globex Research"])
        }
    }
}
