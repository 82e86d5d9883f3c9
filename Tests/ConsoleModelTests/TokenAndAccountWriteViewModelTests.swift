import APICore
import CloudflareAPI
import ConsoleModel
import ConsoleTesting
import DemoServer
import Foundation
import Testing

/// Token create and edit, and account rename, create and delete, on an in-process DemoServer: the user's tokens and
/// the big account (Acme Corp, where the demo user is super administrator) of the seed.
@MainActor
@Suite("View-model writes: token create and edit, account rename, create and delete")
struct TokenAndAccountWriteViewModelTests {
    let demo: InProcessDemo

    init() async {
        demo = await InProcessDemo.start(InProcessDemo.configuration(members: 5))
    }

    private var store: CloudflareStore { demo.server.store }
    private var big: String { store.bigAccountID }

    private func makeSession(readOnly: Bool = false) async throws -> (ConsoleSession, ModelEventWaiter) {
        let session = ConsoleSession(profile: "test", directory: try demo.cloudflareDirectory(), readOnly: readOnly)
        let waiter = ModelEventWaiter(session)
        session.start()
        try #require(
            await waiter.until {
                session.accounts.snapshot.loadState == .loaded && session.tokens.snapshot.loadState == .loaded
            })
        return (session, waiter)
    }

    private func count(_ method: String, _ suffix: String) async -> Int {
        await demo.requests(method, pathSuffix: suffix).count
    }

    /// A token draft with two of the seed's permission groups, on every account.
    private func draft(_ session: ConsoleSession) async throws -> TokenDraft {
        let creating = try #require(session.directory.tokenCreating)
        let groups = try await creating.permissionGroups(for: .top).prefix(2)
        try #require(groups.count == 2)
        return TokenDraft(name: "deploy", permissionGroups: Array(groups), resources: .allAccounts)
    }

    /// An active user token orgtui does not sign in with.
    private func otherToken(_ session: ConsoleSession) throws -> Token {
        try #require(session.tokens.snapshot.rows.first { $0.id != demo.server.loginTokenID && $0.status == .active })
    }

    // MARK: Token create

    @Test func aCreatedTokenShowsItsSecretOnceAndLandsInTheList() async throws {
        let (session, waiter) = try await makeSession()
        let draft = try await draft(session)
        await session.tokens.create(draft).value
        let reveal = try #require(session.tokens.reveal)
        let stored = try #require(await store.secret(ofTokenID: reveal.tokenID))
        #expect(reveal.created && reveal.secret.reveal() == stored && reveal.tokenName == "deploy")
        #expect(await store.token(id: reveal.tokenID)?.name == "deploy")
        #expect(session.tokens.list.row(id: reveal.tokenID) != nil)
        let body = try #require(demo.lastRawBody(.post, pathSuffix: "/user/tokens"))
        let sent = try JSONDecoder().decode(Cloudflare.TokenBody.self, from: body)
        #expect(sent.policies.first?.permissionGroups.map(\.id) == draft.permissionGroups.map(\.id))
        session.tokens.dismissReveal()
        #expect(reveal.secret.reveal() == nil, "the secret is wiped when the modal closes")
        #expect(await waiter.until { waiter.lastNotice?.level == .success })
    }

    @Test(arguments: ScriptedEnd.allCases)
    func aCreateThatFailsOrGetsNoAnswerIsSentOnceAndShowsNoSecret(end: ScriptedEnd) async throws {
        let (session, waiter) = try await makeSession()
        let draft = try await draft(session)
        let listReads = await count("GET", "/user/tokens")
        end.inject(into: demo, "POST", "/user/tokens")
        await session.tokens.create(draft).value
        #expect(await count("POST", "/user/tokens") == 1)
        #expect(session.tokens.reveal == nil)
        switch end {
        case .failure: #expect(await waiter.until { waiter.lastNotice?.level == .error })
        case .unknown:
            #expect(await waiter.eventually { await count("GET", "/user/tokens") > listReads })
            #expect(await waiter.until { waiter.lastNotice?.text.contains("nothing was re-sent") == true })
        }
    }

    // MARK: Token edit

    @Test func anEditKeepsThePoliciesItRead() async throws {
        let (session, _) = try await makeSession()
        let token = try otherToken(session)
        let policies = try #require(await store.token(id: token.id)?.policies)
        try #require(!policies.isEmpty)
        await session.tokens.edit(id: token.id, TokenEdit(name: "renamed", enabled: false)).value
        let body = try #require(demo.lastRawBody(.put, pathSuffix: "/user/tokens/\(token.id)"))
        let sent = try JSONDecoder().decode(Cloudflare.TokenBody.self, from: body)
        #expect(sent.policies == policies && sent.name == "renamed" && sent.status == OpenEnum(.disabled))
        #expect(session.tokens.list.row(id: token.id)?.name == "renamed")
        #expect(await store.token(id: token.id)?.policies == policies)
    }

    @Test(arguments: ScriptedEnd.allCases)
    func anEditThatFailsKeepsTheRowAndOneWithoutAnswerRereads(end: ScriptedEnd) async throws {
        let (session, waiter) = try await makeSession()
        let token = try otherToken(session)
        let path = "/user/tokens/\(token.id)"
        let reads = await count("GET", path)
        end.inject(into: demo, "PUT", path)
        await session.tokens.edit(id: token.id, TokenEdit(name: "renamed")).value
        #expect(await count("PUT", path) == 1)
        switch end {
        case .failure:
            #expect(session.tokens.list.row(id: token.id)?.name == token.name)
            #expect(await waiter.until { waiter.lastNotice?.level == .error })
        case .unknown:
            // One read for the read-modify-write, one to see what the server now has, and the row shows that.
            #expect(await count("GET", path) == reads + 2)
            let server = try #require(await store.token(id: token.id)?.name)
            #expect(session.tokens.list.row(id: token.id)?.name == server)
            #expect(await waiter.until { waiter.lastNotice?.text.contains("Nothing was re-sent") == true })
            #expect(waiter.lastNotice?.text.contains("the server now shows '\(server)'") == true)
        }
    }

    // MARK: Accounts

    @Test func anAccountIsRenamedCreatedAndDeleted() async throws {
        let (session, _) = try await makeSession()
        await session.accounts.update(id: big, name: "Renamed", enforceTwoFactor: true).value
        #expect(session.accounts.list.row(id: big)?.name == "Renamed")
        #expect(session.accounts.list.row(id: big)?.enforcesTwoFactor == true)
        #expect(await store.allAccounts().first { $0.id == big }?.name == "Renamed")
        await session.accounts.create(name: "Fresh").value
        let fresh = try #require(await store.allAccounts().first { $0.name == "Fresh" }?.id)
        #expect(session.accounts.list.row(id: fresh)?.name == "Fresh")
        await session.accounts.delete(id: big).value
        #expect(session.accounts.list.row(id: big) == nil)
        #expect(await !store.allAccounts().contains { $0.id == big })
    }

    @Test(arguments: ScriptedEnd.allCases)
    func anAccountChangeThatFailsKeepsTheRowAndOneWithoutAnswerRereads(end: ScriptedEnd) async throws {
        let (session, waiter) = try await makeSession()
        let name = try #require(session.accounts.list.row(id: big)?.name)
        let reads = await count("GET", "/accounts")
        end.inject(into: demo, "PUT", "/accounts/\(big)")
        await session.accounts.update(id: big, name: "Renamed", enforceTwoFactor: nil).value
        #expect(await count("PUT", "/accounts/\(big)") == 1)
        switch end {
        case .failure:
            #expect(session.accounts.list.row(id: big)?.name == name)
            #expect(await waiter.until { waiter.lastNotice?.text.contains("Access denied") == true })
        case .unknown:
            #expect(await waiter.eventually { await count("GET", "/accounts") > reads })
            #expect(await waiter.until { waiter.lastNotice?.text.contains("nothing was re-sent") == true })
        }
    }

    // MARK: Signed-in account token

    @Test func anAccountTokenOrgtuiSignsInWithIsMarkedInItsAccount() async throws {
        // Signed in with one of the big account's own tokens (active, no IP condition): the user's verify refuses
        // it, the account's answers it.
        let token = try #require(
            await store.tokens(of: .account(big)).first { $0.status?.value == .active && $0.condition == nil })
        let id = try #require(token.id)
        let secret = try #require(await store.secret(ofTokenID: id))
        let session = ConsoleSession(profile: "test", directory: try demo.cloudflareDirectory(token: secret))
        let waiter = ModelEventWaiter(session)
        session.start()
        #expect(await waiter.eventually { await count("GET", "/user/tokens/verify") == 1 })
        #expect(await demo.requests("GET", pathSuffix: "/user/tokens/verify").first?.status == 401)
        #expect(session.tokens.signedInTokenID == nil, "not a user token: nothing is marked at the top level")
        let account = try #require(await store.allAccounts().first { $0.id == big })
        session.focus(account: Account(cloudflare: account))
        #expect(await waiter.until { session.tokens.signedInTokenID == id })
        #expect(await count("GET", "/accounts/\(big)/tokens/verify") == 1)
        _ = session.back()
        #expect(await waiter.until { session.tokens.signedInTokenID == nil })
    }

    // MARK: Read-only

    @Test func readOnlyRefusesTokenAndAccountWritesAndSendsNothing() async throws {
        let (session, waiter) = try await makeSession(readOnly: true)
        let token = try otherToken(session)
        let draft = TokenDraft(
            name: "deploy", permissionGroups: [PermissionGroup(id: "pg1", name: "DNS Read")], resources: .allAccounts)
        await session.tokens.create(draft).value
        await session.tokens.edit(id: token.id, TokenEdit(name: "x")).value
        await session.accounts.update(id: big, name: "x", enforceTwoFactor: nil).value
        await session.accounts.create(name: "x").value
        await session.accounts.delete(id: big).value
        #expect(await demo.writeCount() == 0)
        #expect(demo.traffic.sent.allSatisfy { $0.method == .get })
        #expect(demo.sent(.get, pathSuffix: "/user/tokens/\(token.id)").isEmpty, "not even the read of the edit")
        #expect(await waiter.until { waiter.lastNotice?.text.contains("Read-only") == true })
    }
}
