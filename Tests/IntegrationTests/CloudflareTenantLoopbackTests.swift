import APICore
import CloudflareAPI
import ConsoleModel
import ConsoleTesting
import DemoServer
import Foundation
import Testing

/// The account profile and the move between tenant organizations, against the demo server over loopback HTTP.
@Suite("Cloudflare account profile and move against the demo server over loopback HTTP")
struct CloudflareTenantLoopbackTests {
    /// An account the demo keeps outside every organization: its profile and move are refused.
    private func standalone(_ h: LoopbackHarness) async throws -> Account {
        let accounts = try await h.client.accounts().fetchAll()
        let wire = try #require(accounts.first { $0.name == "Globex Staging" })
        #expect(wire.managedBy == nil, "the demo keeps Globex Staging outside every organization")
        return Account(cloudflare: wire)
    }

    private func acme(_ h: LoopbackHarness) async throws -> Account {
        Account(cloudflare: try await h.client.account(id: h.server.store.bigAccountID))
    }

    @Test func theProfileIsEditedByReadingItAndWritingItWhole() async throws {
        try await withLoopback(members: 5) { (h: LoopbackHarness) async throws in
            let editing = try #require(CloudflareDirectory(client: h.client).accountProfileEditing)
            let account = try await acme(h)
            let before = try #require(await h.server.store.storedProfile(accountID: account.id))
            let read = try await editing.accountProfile(account)
            #expect(
                read.map(\.id) == [
                    "business_name", "business_email", "business_phone", "business_address", "external_metadata",
                ])
            #expect(read.first { $0.id == "business_phone" }?.value == before.businessPhone)

            await h.server.requestLog.clear()
            let edited = try await editing.editAccountProfile(
                account, ["business_phone": .set("+44 20 7946 0000"), "external_metadata": .clear])
            #expect(edited.first { $0.id == "business_phone" }?.value == "+44 20 7946 0000")
            let after = try #require(await h.server.store.storedProfile(accountID: account.id))
            #expect(after.businessPhone == "+44 20 7946 0000" && after.externalMetadata == "")
            // Untouched fields kept what the server had: the PUT carried them back whole.
            #expect(after.businessName == before.businessName && after.businessEmail == before.businessEmail)
            #expect(after.businessAddress == before.businessAddress)
            let log = await h.server.requestLog.entries().map { "\($0.method) \($0.path)" }
            let path = "/client/v4/accounts/\(account.id)/profile"
            #expect(log == ["GET \(path)", "PUT \(path)"], "one read, then one whole write (answered 204)")
        }
    }

    @Test func aProfileThatCannotBeReadIsNeverWritten() async throws {
        try await withLoopback(members: 5) { (h: LoopbackHarness) async throws in
            let editing = try #require(CloudflareDirectory(client: h.client).accountProfileEditing)
            let account = try await acme(h)
            let before = await h.server.store.storedProfile(accountID: account.id)
            // Every attempt of the read fails (reads are retried, three attempts).
            h.server.faults.inject(.status(503), method: "GET", path: "/accounts/*/profile", times: 3)
            await #expect(throws: APIError.self) {
                _ = try await editing.editAccountProfile(account, ["business_phone": .set("+1 555 0000")])
            }
            #expect(await h.requests("PUT", pathSuffix: "/profile").isEmpty, "no PUT after a failed read")
            #expect(await h.server.store.storedProfile(accountID: account.id) == before)

            let outside = try await standalone(h)
            do {
                _ = try await editing.editAccountProfile(outside, ["business_phone": .set("+1 555 0000")])
                Issue.record("the profile of an account outside every organization is refused")
            } catch let error as APIError {
                #expect(error.kind == .http(status: 403))
                #expect(error.userMessage.contains("Accounts outside an organization have no profile"))
            }
            #expect(await h.requests("PUT", pathSuffix: "/profile").isEmpty)
        }
    }

    @Test func aMoveChangesWhoManagesTheAccount() async throws {
        try await withLoopback(members: 5) { (h: LoopbackHarness) async throws in
            let moving = try #require(CloudflareDirectory(client: h.client).accountMoving)
            let account = try await acme(h)
            #expect(try await moving.organizationPath(of: account).map(\.name) == ["Acme Holdings", "Acme Europe"])
            let organizations = try await moving.tenantOrganizations()
            #expect(
                organizations.map(\.name) == ["Acme Holdings", "Acme Europe", "Acme Americas", "Wayne Enterprises"])
            #expect(organizations.first { $0.name == "Acme Europe" }?.parentName == "Acme Holdings")
            #expect(await h.requests("GET", pathSuffix: "/organizations").last?.query?.contains("page_size=50") == true)

            let americas = try #require(organizations.first { $0.name == "Acme Americas" })
            let europe = try #require(organizations.first { $0.name == "Acme Europe" })
            let moved = try await moving.moveAccount(account, to: americas)
            #expect(
                moved
                    == AccountMove(
                        accountID: account.id, sourceOrganizationID: europe.id, destinationOrganizationID: americas.id))
            #expect(
                await h.server.store.managedBy(accountID: account.id)
                    == .init(parentOrgID: americas.id, parentOrgName: "Acme Americas"))
            #expect(try await h.client.account(id: account.id).managedBy?.parentOrgName == "Acme Americas")
            let listed = try await h.client.accounts().fetchAll().first { $0.id == account.id }
            #expect(listed?.managedBy?.parentOrgID == americas.id)
            #expect(try await moving.organizationPath(of: account).map(\.name) == ["Acme Holdings", "Acme Americas"])
        }
    }

    @Test func aRefusedMoveSaysWhatTheAPISaidAndChangesNothing() async throws {
        try await withLoopback(members: 5) { (h: LoopbackHarness) async throws in
            let moving = try #require(CloudflareDirectory(client: h.client).accountMoving)
            let outside = try await standalone(h)
            #expect(try await moving.organizationPath(of: outside).isEmpty)
            let destination = try #require(try await moving.tenantOrganizations().first)
            do {
                _ = try await moving.moveAccount(outside, to: destination)
                Issue.record("moving an account outside every organization is refused")
            } catch let error as APIError {
                #expect(error.kind == .http(status: 403))
                #expect(error.userMessage.contains("Moving accounts requires a tenant administrator"))
            }
            #expect(await h.server.store.managedBy(accountID: outside.id) == nil)

            await h.server.requestLog.clear()
            await #expect(throws: APIError.self) {
                try await moving.moveAccount(Account(id: "", name: "x"), to: destination)
            }
            await #expect(throws: APIError.self) {
                try await moving.moveAccount(outside, to: TenantOrganization(id: "", name: "nowhere"))
            }
            #expect(await h.server.requestLog.entries().isEmpty, "an empty id never reaches the server")
        }
    }

    @Test func aMoveWithoutAnAnswerIsNotSentAgain() async throws {
        try await withLoopback(members: 5) { (h: LoopbackHarness) async throws in
            let moving = try #require(CloudflareDirectory(client: h.client).accountMoving)
            let account = try await acme(h)
            let holdings = try #require(try await moving.tenantOrganizations().first { $0.name == "Acme Holdings" })
            h.server.faults.inject(.reset(afterHandling: true), method: "POST", path: "/accounts/*/move", times: 1)
            do {
                _ = try await moving.moveAccount(account, to: holdings)
                Issue.record("the connection was reset after the move")
            } catch let error as APIError {
                #expect(error.kind == .outcomeUnknown)
            }
            #expect(
                await h.requests("POST", pathSuffix: "/move").count == 1,
                "a move that may have happened is never re-sent")
            #expect(try await moving.organizationPath(of: account).last?.id == holdings.id, "the server did move it")
        }
    }

    @MainActor
    @Test func theDetailsOfAnAccountOutsideEveryOrganizationStillShowWithTheRefusal() async throws {
        let h = try await LoopbackHarness.start(members: 5)
        do {
            let session = ConsoleSession(profile: "demo", directory: CloudflareDirectory(client: h.client))
            let waiter = ModelEventWaiter(session)
            let outside = try await standalone(h)
            #expect(session.records.showAccount(outside))
            #expect(await waiter.until { !session.records.summary.isEmpty })
            let fields = session.records.summary
            #expect(fields.contains(RecordField("Name", "Globex Staging")))
            #expect(
                fields.contains(
                    RecordField("Profile", "Access denied: Accounts outside an organization have no profile")))
            #expect(fields.contains(RecordField("Organization", "none: the account is in no organization")))
            #expect(session.records.summaryError == nil)

            #expect(session.records.showAccount(try await acme(h)))
            #expect(await waiter.until { session.records.summary.contains { $0.label == "Business name" } })
            #expect(session.records.summary.contains(RecordField("Organization", "Acme Holdings › Acme Europe")))
            #expect(session.records.summary.contains(RecordField("Business phone", "+1 (555) 010-2000")))
            session.finish()
        } catch {
            await h.stop()
            throw error
        }
        await h.stop()
    }
}
