import APICore
import APITransport
import CloudflareAPI
import ConsoleTesting
import DemoServer
import Foundation
import Testing

@Suite("Cloudflare tokens, accounts and read-only views against the demo server over loopback HTTP")
struct CloudflareAdminLoopbackTests {
    @Test func aTokenCreatedFromTwoGroupsIsEditedWithoutLosingItsPolicies() async throws {
        try await withLoopback(members: 5) { (h: LoopbackHarness) async throws in
            let directory = CloudflareDirectory(client: h.client)
            let accountID = h.server.store.bigAccountID
            let scope = Scope([ScopeNode(kind: .account, id: accountID, name: "Big")])
            let creating = try #require(directory.tokenCreating)
            let groups = try await creating.permissionGroups(for: scope)
            let expires = try #require(Timestamp.parse("2030-01-01T00:00:00Z"))
            let draft = TokenDraft(
                name: "ci deploy", permissionGroups: Array(groups.prefix(2)), resources: .scopedAccount,
                expiresOn: expires,
                allowedIPRanges: ["192.0.2.0/24"], deniedIPRanges: ["192.0.2.1/32"])
            let issued = try await creating.createToken(draft, in: scope)
            #expect(issued.secret.reveal() == (await h.server.store.secret(ofTokenID: issued.token.id)))
            let stored = try #require(await h.server.store.token(id: issued.token.id))
            #expect(stored.policies?.first?.permissionGroups.map(\.id) == groups.prefix(2).map(\.id))
            #expect(stored.policies?.first?.resources.keys.sorted() == ["com.cloudflare.api.account.\(accountID)"])
            #expect(
                stored.condition?.requestIP?.in == ["192.0.2.0/24"]
                    && stored.condition?.requestIP?.notIn == ["192.0.2.1/32"])
            #expect(stored.expiresOn == "2030-01-01T00:00:00Z")

            let editing = try #require(directory.tokenEditing)
            let edited = try await editing.editToken(
                issued.token, TokenEdit(name: "ci deploy 2", enabled: false, expiresOn: .clear, allowedIPRanges: []))
            #expect(edited.name == "ci deploy 2" && edited.status == .disabled)
            let after = try #require(await h.server.store.token(id: issued.token.id))
            #expect(after.policies == stored.policies, "a PUT must never drop the policies")
            #expect(after.expiresOn == nil && after.condition?.requestIP?.in == nil)
            #expect(after.condition?.requestIP?.notIn == ["192.0.2.1/32"])
        }
    }

    @Test func rollingTheAccountTokenItSignsInWithKeepsTheSessionWorking() async throws {
        try await withLoopback(members: 5) { (h: LoopbackHarness) async throws in
            let accountID = h.server.store.bigAccountID
            let scope = Scope([ScopeNode(kind: .account, id: accountID, name: "Big")])
            let groups = try await CloudflareDirectory(client: h.client).permissionGroups(for: scope)
            let issued = try await CloudflareDirectory(client: h.client).createToken(
                TokenDraft(name: "own", permissionGroups: [groups[0]], resources: .scopedAccount), in: scope)
            let secret = try #require(issued.secret.reveal())
            let configuration = try CloudflareConfiguration(
                baseURL: h.server.cloudflareBaseURL.absoluteString, credentials: .apiToken(Secret(secret)))
            let accountClient = CloudflareClient(configuration: configuration, transport: h.http)
            let directory = CloudflareDirectory(client: accountClient)
            #expect(await directory.signedInTokenID(in: scope) == issued.token.id, "the account token is recognised")
            #expect(
                await CloudflareDirectory(client: h.client).signedInTokenID(in: scope) == nil, "a user token is not")
            let rolled = try await directory.rollToken(issued.token)
            #expect(rolled.replacedOwnCredential)
            #expect(rolled.secret.reveal() == (await h.server.store.secret(ofTokenID: issued.token.id)))
            #expect(try await accountClient.verifyToken(.account(id: accountID)).id == issued.token.id)
        }
    }

    @Test func accountsAreRenamedCreatedAndDeleted() async throws {
        try await withLoopback(members: 5) { (h: LoopbackHarness) async throws in
            let directory = CloudflareDirectory(client: h.client)
            let admin = try #require(directory.accountAdministering)
            let accountID = h.server.store.bigAccountID
            let account = Account(cloudflare: try await h.client.account(id: accountID))
            let updated = try await admin.updateAccount(account, name: "Renamed Co", enforceTwoFactor: true)
            #expect(updated.name == "Renamed Co" && updated.enforcesTwoFactor == true)
            let stored = try #require(await h.server.store.allAccounts().first { $0.id == accountID })
            #expect(stored.name == "Renamed Co" && stored.settings?.enforceTwofactor == true)
            let details = try await admin.accountDetails(updated)
            #expect(details.contains(RecordField("Enforces two-factor", "yes")))

            let created = try await admin.createAccount(name: "Fresh Account")
            #expect(await h.server.store.allAccounts().contains { $0.id == created.id && $0.name == "Fresh Account" })
            try await #require(directory.accountDeleting).deleteAccount(created)
            #expect(await h.server.store.allAccounts().contains { $0.id == created.id } == false)
        }
    }

    @Test func theReadOnlyViewsReadEveryList() async throws {
        try await withLoopback(members: 5) { (h: LoopbackHarness) async throws in
            let directory = CloudflareDirectory(client: h.client)
            let accountID = h.server.store.bigAccountID
            let scope = Scope([ScopeNode(kind: .account, id: accountID, name: "Big")])
            let audit = try #require(directory.auditLogReading)
            let userLog = try #require(audit.auditLog(in: .top, since: nil).pagedList)
            #expect(!(try await userLog.fetchAll()).isEmpty)
            let accountLog = try #require(audit.auditLog(in: scope, since: nil).pagedList)
            let entries = try await accountLog.fetchAll()
            #expect(!entries.isEmpty)
            #expect(
                zip(entries, entries.dropFirst()).allSatisfy { ($0.when ?? .distantPast) >= ($1.when ?? .distantPast) })
            let sinceTomorrow = String(Timestamp.format(Date().addingTimeInterval(2 * 86_400)).prefix(10))
            #expect(try await audit.auditLog(in: scope, since: sinceTomorrow).pagedList?.fetchAll().isEmpty == true)
            let requests = await h.requests("GET", pathSuffix: "/accounts/\(accountID)/logs/audit")
            #expect(requests.last?.query?.contains("since=\(sinceTomorrow)") == true)

            let billing = try #require(directory.billingReading)
            _ = try await billing.billingHistory().listing.pagedList?.fetchAll()
            #expect(!(try await billing.billingProfile()).isEmpty)
            #expect(try await billing.subscriptions(in: .top).listing.pagedList?.fetchAll().isEmpty == false)
            _ = try await billing.subscriptions(in: scope).listing.pagedList?.fetchAll()
            let organizations = try #require(directory.organizationLeaving)
            let orgs = try #require(try await organizations.legacyOrganizations().listing.pagedList?.fetchAll())
            let org = try #require(orgs.first)
            try await organizations.leaveOrganization(id: org.id)
            #expect(
                try await organizations.legacyOrganizations().listing.pagedList?.fetchAll().contains { $0.id == org.id }
                    == false)

            let profile = try #require(directory.userProfileEditing)
            let details = try await profile.editUser(["telephone": .set("+1 555 0100"), "zipcode": .clear])
            #expect(details.editable.first { $0.id == "telephone" }?.value == "+1 555 0100")
            #expect(await h.server.store.demoUser().telephone == "+1 555 0100")
            #expect(await h.server.store.demoUser().zipcode == nil)
        }
    }
}
