import APICore
import CloudflareAPI
import ConsoleModel
import ConsoleTesting
import Foundation
import Synchronization
import Testing

@MainActor
@Suite("View-model writes: an account's business profile and its move to another organization")
struct AccountTenancyViewModelTests {
    let api = FakeCloudflareAPI(accounts: 1, members: 3)
    let account = Account(id: "acc1", name: "Account 1", kind: "standard")
    let americas = TenantOrganization(
        id: "org-am", name: "Acme Americas", parentID: "org-root", parentName: "Acme Holdings")
    /// The profile the fake server holds; a PUT replaces it.
    let stored = StoredProfile()

    private func makeSession(readOnly: Bool = false) async throws -> (ConsoleSession, ModelEventWaiter) {
        installRoutes()
        let session = ConsoleSession(profile: "test", directory: try api.directory(), readOnly: readOnly)
        let waiter = ModelEventWaiter(session)
        session.start()
        try #require(await waiter.until { session.accounts.snapshot.loadState == .loaded })
        return (session, waiter)
    }

    private func installRoutes() {
        api.transport.handle(.get, "/accounts/acc1") { _ in
            Self.ok(Cloudflare.Account(id: "acc1", name: "Account 1", type: OpenEnum(.standard)))
        }
        api.transport.handle(.get, "/accounts/acc1/profile") { [stored] _ in Self.ok(stored.profile.withLock { $0 }) }
        api.transport.handle(.put, "/accounts/acc1/profile") { [stored] request in
            guard
                let body = try? JSONDecoder().decode(Cloudflare.AccountProfileUpdate.self, from: request.body ?? Data())
            else {
                return .response(HTTPResponse(status: 400))
            }
            stored.profile.withLock { $0 = body.profile }
            return .response(HTTPResponse(status: 204))
        }
        let root = Cloudflare.Organization(id: "org-root", name: "Acme Holdings")
        let europe = Cloudflare.Organization(
            id: "org-eu", name: "Acme Europe", parent: .init(id: "org-root", name: "Acme Holdings"))
        api.transport.handle(.get, "/accounts/acc1/organizations") { _ in Self.ok([root, europe]) }
        api.transport.handle(.post, "/accounts/acc1/move") { request in
            let body = try? JSONDecoder().decode(Cloudflare.AccountMoveRequest.self, from: request.body ?? Data())
            return Self.ok(
                Cloudflare.AccountMoveResult(
                    accountID: "acc1", destinationOrganizationID: body?.destinationOrganizationID,
                    sourceOrganizationID: "org-eu"))
        }
    }

    nonisolated private static func ok<Result: Codable & Sendable>(_ result: Result) -> FakeTransport.Outcome {
        let body = (try? JSONEncoder().encode(Cloudflare.Envelope(success: true, result: result))) ?? Data()
        return .response(HTTPResponse(status: 200, body: body))
    }

    private func script(_ end: ScriptedEnd, _ method: HTTPMethod, _ path: String) {
        switch end {
        case .failure: api.transport.respond(method, path, status: 403, json: forbidden)
        case .unknown: api.transport.script(method, path, [.failure(.failedAfterSending("reset"))])
        }
    }

    private func showDetails(_ session: ConsoleSession, _ waiter: ModelEventWaiter) async throws {
        #expect(session.records.showAccount(account))
        try #require(await waiter.until { session.records.summary.contains { $0.label == "Business phone" } })
    }

    // MARK: Profile

    @Test func aProfileEditWritesTheWholeProfileAndTheDetailsFollow() async throws {
        let (session, waiter) = try await makeSession()
        try await showDetails(session, waiter)
        #expect(session.records.summary.contains(RecordField("Organization", "Acme Holdings › Acme Europe")))
        await session.records.editAccountProfile(account, ["business_phone": .set("+1 555 0199")]).value
        let body = try #require(api.transport.requests.last { $0.method == .put }?.body)
        let sent = try JSONDecoder().decode(Cloudflare.AccountProfileUpdate.self, from: body)
        #expect(
            sent
                == .init(
                    businessAddress: "1 Acme Way", businessEmail: "billing@acme.test", businessName: "Acme",
                    businessPhone: "+1 555 0199", externalMetadata: "crm:1"))
        #expect(session.records.summary.contains(RecordField("Business phone", "+1 555 0199")))
        #expect(
            session.records.accountView?.profile?.value?.first { $0.id == "business_phone" }?.value == "+1 555 0199")
        #expect(await waiter.until { waiter.lastNotice?.level == .success })
    }

    @Test(arguments: ScriptedEnd.allCases)
    func aProfileEditThatFailsOrGetsNoAnswerIsSentOnce(end: ScriptedEnd) async throws {
        let (session, waiter) = try await makeSession()
        try await showDetails(session, waiter)
        let reads = api.transport.count(.get, "/accounts/acc1/profile")
        script(end, .put, "/accounts/acc1/profile")
        await session.records.editAccountProfile(account, ["business_phone": .set("+1 555 0199")]).value
        #expect(api.transport.count(.put, "/accounts/acc1/profile") == 1)
        #expect(session.records.summary.contains(RecordField("Business phone", "+1 555 0100")))
        switch end {
        case .failure:
            #expect(api.transport.count(.get, "/accounts/acc1/profile") == reads + 1)
            #expect(await waiter.until { waiter.lastNotice?.text.contains("Could not save the profile") == true })
            #expect(waiter.lastNotice?.text.contains("Access denied") == true)
        case .unknown:
            // One read for the read-modify-write, one to see what the server now has.
            #expect(api.transport.count(.get, "/accounts/acc1/profile") == reads + 2)
            #expect(await waiter.until { waiter.lastNotice?.text.contains("Nothing was re-sent") == true })
            #expect(waiter.lastNotice?.text.contains("business phone '+1 555 0100'") == true)
        }
    }

    @Test func aProfileThatCannotBeReadIsNotWritten() async throws {
        let (session, waiter) = try await makeSession()
        api.transport.respond(.get, "/accounts/acc1/profile", status: 403, json: forbidden)
        await session.records.editAccountProfile(account, ["business_phone": .set("+1 555 0199")]).value
        #expect(api.transport.count(.put, "/accounts/acc1/profile") == 0)
        #expect(await waiter.until { waiter.lastNotice?.level == .error })
    }

    // MARK: Move

    @Test func aMoveIsSentOnceAndTheAccountsAreReadAgain() async throws {
        let (session, waiter) = try await makeSession()
        try await showDetails(session, waiter)
        let accountReads = api.transport.count(.get, "/accounts")
        let pathReads = api.transport.count(.get, "/accounts/acc1/organizations")
        await session.accounts.move(account, to: americas).value
        let body = try #require(api.transport.requests.last { $0.method == .post }?.body)
        #expect(
            try JSONDecoder().decode(Cloudflare.AccountMoveRequest.self, from: body).destinationOrganizationID
                == "org-am")
        #expect(
            await waiter.until { api.transport.count(.get, "/accounts") > accountReads }, "managed_by changed: re-read")
        #expect(
            await waiter.until { api.transport.count(.get, "/accounts/acc1/organizations") > pathReads },
            "the details shown are read again")
        #expect(await waiter.until { waiter.lastNotice?.text == "Moved account Account 1 to Acme Americas" })
    }

    @Test(arguments: ScriptedEnd.allCases)
    func aMoveThatFailsOrGetsNoAnswerIsNeverSentAgain(end: ScriptedEnd) async throws {
        let (session, waiter) = try await makeSession()
        let accountReads = api.transport.count(.get, "/accounts")
        script(end, .post, "/accounts/acc1/move")
        await session.accounts.move(account, to: americas).value
        #expect(api.transport.count(.post, "/accounts/acc1/move") == 1)
        switch end {
        case .failure:
            #expect(
                await waiter.until {
                    waiter.lastNotice?.text.contains("Could not move account Account 1: Access denied") == true
                })
            #expect(api.transport.count(.get, "/accounts") == accountReads)
        case .unknown:
            #expect(await waiter.until { api.transport.count(.get, "/accounts") > accountReads })
            #expect(await waiter.until { waiter.lastNotice?.text.contains("Nothing was re-sent") == true })
            #expect(waiter.lastNotice?.text.contains("the server now shows it in Acme Europe") == true)
        }
    }

    // MARK: Read-only

    @Test func readOnlyRefusesTheProfileEditAndTheMoveAndSendsNothing() async throws {
        let (session, waiter) = try await makeSession(readOnly: true)
        let before = api.transport.requests.count
        await session.records.editAccountProfile(account, ["business_phone": .set("x")]).value
        #expect(
            await waiter.until {
                waiter.lastNotice?.text.contains("Read-only mode: editing an account profile refused") == true
            })
        await session.accounts.move(account, to: americas).value
        #expect(
            await waiter.until { waiter.lastNotice?.text.contains("Read-only mode: moving an account refused") == true }
        )
        #expect(api.transport.requests.count == before, "not even the read of a read-modify-write")
    }
}

/// The fake server's account profile.
final class StoredProfile: Sendable {
    let profile = Mutex(
        Cloudflare.AccountProfile(
            businessAddress: "1 Acme Way", businessEmail: "billing@acme.test", businessName: "Acme",
            businessPhone: "+1 555 0100",
            externalMetadata: "crm:1"))
}

private let forbidden =
    #"{"success":false,"errors":[{"code":9109,"message":"Access denied"}],"messages":[],"result":null}"#
