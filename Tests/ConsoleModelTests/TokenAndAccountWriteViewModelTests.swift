import APICore
import CloudflareAPI
import ConsoleModel
import ConsoleTesting
import Foundation
import Testing

@MainActor
@Suite("View-model writes: token create and edit, account rename, create and delete")
struct TokenAndAccountWriteViewModelTests {
    let api = FakeCloudflareAPI(accounts: 1, members: 3)
    nonisolated static let policy = Cloudflare.TokenPolicy(
        id: "p1", effect: OpenEnum(.allow), permissionGroups: [.init(id: "pg1", name: "DNS Read")],
        resources: ["com.cloudflare.api.account.*": .string("*")])

    private func makeSession(readOnly: Bool = false) async throws -> (ConsoleSession, ModelEventWaiter) {
        installRoutes()
        let session = ConsoleSession(profile: "test", directory: try api.directory(), readOnly: readOnly)
        let waiter = ModelEventWaiter(session)
        session.start()
        try #require(
            await waiter.until {
                session.accounts.snapshot.loadState == .loaded && session.tokens.snapshot.loadState == .loaded
            })
        return (session, waiter)
    }

    private func installRoutes() {
        api.transport.handle(.post, "/user/tokens") { request in
            let body = try? JSONDecoder().decode(Cloudflare.TokenBody.self, from: request.body ?? Data())
            var token = Cloudflare.Token(
                id: "tok-new", name: body?.name, status: OpenEnum(.active), policies: body?.policies)
            token.issuedOn = "2026-11-30T00:00:00Z"
            return Self.ok(Cloudflare.TokenWithValue(token: token, value: "created-secret-1"))
        }
        // The edit reads the token whole first: it has a policy the PUT must keep.
        api.transport.handle(.get, "/user/tokens/tok-ci") { _ in
            Self.ok(
                Cloudflare.Token(id: "tok-ci", name: "token tok-ci", status: OpenEnum(.active), policies: [Self.policy])
            )
        }
        api.transport.handle(.put, "/user/tokens/tok-ci") { request in
            let body = try? JSONDecoder().decode(Cloudflare.TokenBody.self, from: request.body ?? Data())
            return Self.ok(
                Cloudflare.Token(id: "tok-ci", name: body?.name, status: body?.status, policies: body?.policies))
        }
        let account = Cloudflare.Account(id: "acc1", name: "Account 1", type: OpenEnum(.standard))
        api.transport.handle(.get, "/accounts/acc1") { _ in Self.ok(account) }
        api.transport.handle(.put, "/accounts/acc1") { request in
            let body = try? JSONDecoder().decode(Cloudflare.AccountUpdate.self, from: request.body ?? Data())
            return Self.ok(
                Cloudflare.Account(
                    id: "acc1", name: body?.name ?? "", type: OpenEnum(.standard), settings: body?.settings))
        }
        api.transport.handle(.post, "/accounts") { request in
            let body = try? JSONDecoder().decode(Cloudflare.AccountCreate.self, from: request.body ?? Data())
            return Self.ok(Cloudflare.Account(id: "acc-new", name: body?.name ?? "", type: OpenEnum(.standard)))
        }
        api.transport.handle(.delete, "/accounts/acc1") { _ in Self.ok(Cloudflare.DeletedID(id: "acc1")) }
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

    private let draft = TokenDraft(
        name: "deploy",
        permissionGroups: [
            PermissionGroup(id: "pg1", name: "DNS Read"), PermissionGroup(id: "pg2", name: "DNS Write"),
        ],
        resources: .allAccounts)

    // MARK: Token create

    @Test func aCreatedTokenShowsItsSecretOnceAndLandsInTheList() async throws {
        let (session, waiter) = try await makeSession()
        await session.tokens.create(draft).value
        let reveal = try #require(session.tokens.reveal)
        #expect(reveal.created && reveal.secret.reveal() == "created-secret-1" && reveal.tokenName == "deploy")
        #expect(session.tokens.list.row(id: "tok-new") != nil)
        let body = try #require(api.transport.requests.last { $0.method == .post }?.body)
        let sent = try JSONDecoder().decode(Cloudflare.TokenBody.self, from: body)
        #expect(sent.policies.first?.permissionGroups.map(\.id) == ["pg1", "pg2"])
        session.tokens.dismissReveal()
        #expect(reveal.secret.reveal() == nil, "the secret is wiped when the modal closes")
        #expect(await waiter.until { waiter.lastNotice?.level == .success })
    }

    @Test(arguments: ScriptedEnd.allCases)
    func aCreateThatFailsOrGetsNoAnswerIsSentOnceAndShowsNoSecret(end: ScriptedEnd) async throws {
        let (session, waiter) = try await makeSession()
        let listReads = api.transport.count(.get, "/user/tokens")
        script(end, .post, "/user/tokens")
        await session.tokens.create(draft).value
        #expect(api.transport.count(.post, "/user/tokens") == 1)
        #expect(session.tokens.reveal == nil)
        switch end {
        case .failure: #expect(await waiter.until { waiter.lastNotice?.level == .error })
        case .unknown:
            #expect(await waiter.until { api.transport.count(.get, "/user/tokens") > listReads })
            #expect(await waiter.until { waiter.lastNotice?.text.contains("nothing was re-sent") == true })
        }
    }

    // MARK: Token edit

    @Test func anEditKeepsThePoliciesItRead() async throws {
        let (session, _) = try await makeSession()
        await session.tokens.edit(id: "tok-ci", TokenEdit(name: "renamed", enabled: false)).value
        let body = try #require(api.transport.requests.last { $0.method == .put }?.body)
        let sent = try JSONDecoder().decode(Cloudflare.TokenBody.self, from: body)
        #expect(sent.policies == [Self.policy] && sent.name == "renamed" && sent.status == OpenEnum(.disabled))
        #expect(session.tokens.list.row(id: "tok-ci")?.name == "renamed")
    }

    @Test(arguments: ScriptedEnd.allCases)
    func anEditThatFailsKeepsTheRowAndOneWithoutAnswerRereads(end: ScriptedEnd) async throws {
        let (session, waiter) = try await makeSession()
        let reads = api.transport.count(.get, "/user/tokens/tok-ci")
        script(end, .put, "/user/tokens/tok-ci")
        await session.tokens.edit(id: "tok-ci", TokenEdit(name: "renamed")).value
        #expect(api.transport.count(.put, "/user/tokens/tok-ci") == 1)
        #expect(session.tokens.list.row(id: "tok-ci")?.name == "token tok-ci")
        switch end {
        case .failure: #expect(await waiter.until { waiter.lastNotice?.level == .error })
        case .unknown:
            // One read for the read-modify-write, one to see what the server now has.
            #expect(api.transport.count(.get, "/user/tokens/tok-ci") == reads + 2)
            #expect(await waiter.until { waiter.lastNotice?.text.contains("Nothing was re-sent") == true })
        }
    }

    // MARK: Accounts

    @Test func anAccountIsRenamedCreatedAndDeleted() async throws {
        let (session, _) = try await makeSession()
        await session.accounts.update(id: "acc1", name: "Renamed", enforceTwoFactor: true).value
        #expect(session.accounts.list.row(id: "acc1")?.name == "Renamed")
        #expect(session.accounts.list.row(id: "acc1")?.enforcesTwoFactor == true)
        await session.accounts.create(name: "Fresh").value
        #expect(session.accounts.list.row(id: "acc-new")?.name == "Fresh")
        await session.accounts.delete(id: "acc1").value
        #expect(session.accounts.list.row(id: "acc1") == nil)
    }

    @Test(arguments: ScriptedEnd.allCases)
    func anAccountChangeThatFailsKeepsTheRowAndOneWithoutAnswerRereads(end: ScriptedEnd) async throws {
        let (session, waiter) = try await makeSession()
        let reads = api.transport.count(.get, "/accounts")
        script(end, .put, "/accounts/acc1")
        await session.accounts.update(id: "acc1", name: "Renamed", enforceTwoFactor: nil).value
        #expect(api.transport.count(.put, "/accounts/acc1") == 1)
        switch end {
        case .failure:
            #expect(session.accounts.list.row(id: "acc1")?.name == "Account 1")
            #expect(await waiter.until { waiter.lastNotice?.text.contains("Access denied") == true })
        case .unknown:
            #expect(await waiter.until { api.transport.count(.get, "/accounts") > reads })
            #expect(await waiter.until { waiter.lastNotice?.text.contains("nothing was re-sent") == true })
        }
    }

    // MARK: Signed-in account token

    @Test func anAccountTokenOrgtuiSignsInWithIsMarkedInItsAccount() async throws {
        let (session, waiter) = try await makeSession()
        #expect(await waiter.until { session.tokens.signedInTokenID == api.ownTokenID })
        api.transport.handle(.get, "/accounts/acc1/tokens/verify") { _ in
            Self.ok(Cloudflare.TokenVerification(id: "acc1-t1", status: OpenEnum(.active)))
        }
        session.focus(account: session.accounts.snapshot.rows[0])
        #expect(await waiter.until { session.tokens.signedInTokenID == "acc1-t1" })
        _ = session.back()
        #expect(await waiter.until { session.tokens.signedInTokenID == api.ownTokenID })
    }

    // MARK: Read-only

    @Test func readOnlyRefusesTokenAndAccountWritesAndSendsNothing() async throws {
        let (session, waiter) = try await makeSession(readOnly: true)
        let before = api.transport.requests.filter { $0.method != .get }.count
        await session.tokens.create(draft).value
        await session.tokens.edit(id: "tok-ci", TokenEdit(name: "x")).value
        await session.accounts.update(id: "acc1", name: "x", enforceTwoFactor: nil).value
        await session.accounts.create(name: "x").value
        await session.accounts.delete(id: "acc1").value
        #expect(api.transport.requests.filter { $0.method != .get }.count == before)
        #expect(await waiter.until { waiter.lastNotice?.text.contains("Read-only") == true })
    }
}

private let forbidden =
    #"{"success":false,"errors":[{"code":9109,"message":"Access denied"}],"messages":[],"result":null}"#
