import APICore
import CloudflareAPI
import ConsoleModel
import ConsoleTesting
import DemoServer
import Foundation
import Testing

/// An account's business profile and its move to another organization, on an in-process DemoServer: the seed's
/// big account (Acme Corp) sits in Acme Europe, under Acme Holdings, with a business profile.
@MainActor
@Suite("View-model writes: an account's business profile and its move to another organization")
struct AccountTenancyViewModelTests {
    let demo: InProcessDemo
    /// The seed's Acme Americas, where the account is not.
    let americas: TenantOrganization

    init() async throws {
        demo = await InProcessDemo.start(InProcessDemo.configuration(members: 5))
        let organizations = await demo.server.store.allOrganizations()
        americas = TenantOrganization(cloudflare: try #require(organizations.first { $0.name == "Acme Americas" }))
    }

    private var store: CloudflareStore { demo.server.store }
    private var big: String { store.bigAccountID }
    private let phone = "+1 555 0199"

    /// A started session and the big account's row.
    private func makeSession(readOnly: Bool = false) async throws -> (ConsoleSession, ModelEventWaiter, Account) {
        let session = ConsoleSession(profile: "test", directory: try demo.cloudflareDirectory(), readOnly: readOnly)
        let waiter = ModelEventWaiter(session)
        session.start()
        try #require(await waiter.until { session.accounts.snapshot.loadState == .loaded })
        return (session, waiter, try #require(session.accounts.list.row(id: big)))
    }

    private func count(_ method: String, _ suffix: String) async -> Int {
        await demo.requests(method, pathSuffix: suffix).count
    }

    /// The business phone the server holds now.
    private func storedPhone() async throws -> String {
        try #require(await store.storedProfile(accountID: big)?.businessPhone)
    }

    private func showDetails(_ session: ConsoleSession, _ waiter: ModelEventWaiter, _ account: Account) async throws {
        #expect(session.records.showAccount(account))
        try #require(await waiter.until { session.records.summary.contains { $0.label == "Business phone" } })
    }

    // MARK: Profile

    @Test func aProfileEditWritesTheWholeProfileAndTheDetailsFollow() async throws {
        let (session, waiter, account) = try await makeSession()
        try await showDetails(session, waiter, account)
        #expect(session.records.summary.contains(RecordField("Organization", "Acme Holdings › Acme Europe")))
        var expected = try #require(await store.storedProfile(accountID: big))
        expected.businessPhone = phone
        await session.records.editAccountProfile(account, ["business_phone": .set(phone)]).value
        let body = try #require(demo.lastRawBody(.put, pathSuffix: "/accounts/\(big)/profile"))
        let sent = try JSONDecoder().decode(Cloudflare.AccountProfileUpdate.self, from: body)
        #expect(sent.profile == expected, "every field, the ones not edited as they were read")
        #expect(await store.storedProfile(accountID: big) == expected)
        #expect(session.records.summary.contains(RecordField("Business phone", phone)))
        #expect(session.records.accountView?.profile?.value?.first { $0.id == "business_phone" }?.value == phone)
        #expect(await waiter.until { waiter.lastNotice?.level == .success })
    }

    @Test(arguments: ScriptedEnd.allCases)
    func aProfileEditThatFailsOrGetsNoAnswerIsSentOnce(end: ScriptedEnd) async throws {
        let (session, waiter, account) = try await makeSession()
        try await showDetails(session, waiter, account)
        let before = try await storedPhone()
        let path = "/accounts/\(big)/profile"
        let reads = await count("GET", path)
        end.inject(into: demo, "PUT", path)
        await session.records.editAccountProfile(account, ["business_phone": .set(phone)]).value
        #expect(await count("PUT", path) == 1)
        switch end {
        case .failure:
            #expect(try await storedPhone() == before)
            #expect(session.records.summary.contains(RecordField("Business phone", before)))
            #expect(await count("GET", path) == reads + 1)
            #expect(await waiter.until { waiter.lastNotice?.text.contains("Could not save the profile") == true })
            #expect(waiter.lastNotice?.text.contains("Access denied") == true)
        case .unknown:
            // One read for the read-modify-write, one to see what the server now has: the details show that.
            #expect(await count("GET", path) == reads + 2)
            let server = try await storedPhone()
            #expect(session.records.summary.contains(RecordField("Business phone", server)))
            #expect(await waiter.until { waiter.lastNotice?.text.contains("Nothing was re-sent") == true })
            #expect(waiter.lastNotice?.text.contains("business phone '\(server)'") == true)
        }
    }

    @Test func aProfileThatCannotBeReadIsNotWritten() async throws {
        let (session, waiter, account) = try await makeSession()
        let path = "/accounts/\(big)/profile"
        demo.server.faults.inject(.refusal(403, message: "Access denied", code: 9109), method: "GET", path: path)
        await session.records.editAccountProfile(account, ["business_phone": .set(phone)]).value
        #expect(await count("GET", path) == 1)
        #expect(await count("PUT", path) == 0)
        #expect(await waiter.until { waiter.lastNotice?.level == .error })
    }

    // MARK: Move

    @Test func aMoveIsSentOnceAndTheAccountsAreReadAgain() async throws {
        let (session, waiter, account) = try await makeSession()
        try await showDetails(session, waiter, account)
        let accountReads = await count("GET", "/accounts")
        let pathReads = await count("GET", "/accounts/\(big)/organizations")
        await session.accounts.move(account, to: americas).value
        #expect(await count("POST", "/accounts/\(big)/move") == 1)
        let body = try #require(demo.lastRawBody(.post, pathSuffix: "/accounts/\(big)/move"))
        #expect(
            try JSONDecoder().decode(Cloudflare.AccountMoveRequest.self, from: body).destinationOrganizationID
                == americas.id)
        #expect(await store.managedBy(accountID: big)?.parentOrgID == americas.id)
        #expect(
            await waiter.eventually { await count("GET", "/accounts") > accountReads }, "managed_by changed: re-read")
        #expect(
            await waiter.eventually { await count("GET", "/accounts/\(big)/organizations") > pathReads },
            "the details shown are read again")
        #expect(await waiter.until { waiter.lastNotice?.text == "Moved account Acme Corp to Acme Americas" })
    }

    @Test(arguments: ScriptedEnd.allCases)
    func aMoveThatFailsOrGetsNoAnswerIsNeverSentAgain(end: ScriptedEnd) async throws {
        let (session, waiter, account) = try await makeSession()
        let accountReads = await count("GET", "/accounts")
        end.inject(into: demo, "POST", "/accounts/\(big)/move")
        await session.accounts.move(account, to: americas).value
        #expect(await count("POST", "/accounts/\(big)/move") == 1)
        switch end {
        case .failure:
            #expect(
                await waiter.until {
                    waiter.lastNotice?.text.contains("Could not move account Acme Corp: Access denied") == true
                })
            #expect(await count("GET", "/accounts") == accountReads)
            #expect(await store.managedBy(accountID: big)?.parentOrgName == "Acme Europe")
        case .unknown:
            let server = try #require(await store.managedBy(accountID: big)?.parentOrgName)
            #expect(await waiter.eventually { await count("GET", "/accounts") > accountReads })
            #expect(await waiter.until { waiter.lastNotice?.text.contains("Nothing was re-sent") == true })
            #expect(waiter.lastNotice?.text.contains("the server now shows it in \(server)") == true)
        }
    }

    // MARK: Read-only

    @Test func readOnlyRefusesTheProfileEditAndTheMoveAndSendsNothing() async throws {
        let (session, waiter, account) = try await makeSession(readOnly: true)
        await session.records.editAccountProfile(account, ["business_phone": .set("x")]).value
        #expect(
            await waiter.until {
                waiter.lastNotice?.text.contains("Read-only mode: editing an account profile refused") == true
            })
        await session.accounts.move(account, to: americas).value
        #expect(
            await waiter.until { waiter.lastNotice?.text.contains("Read-only mode: moving an account refused") == true }
        )
        #expect(await demo.writeCount() == 0)
        let touched = demo.traffic.sent.filter { request in
            let path = request.url.path(percentEncoded: true)
            return path.hasSuffix("/accounts/\(big)/profile") || path.hasSuffix("/accounts/\(big)/move")
        }
        #expect(touched.isEmpty, "not even the read of a read-modify-write")
    }
}
