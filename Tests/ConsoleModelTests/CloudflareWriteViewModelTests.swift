import APICore
import CloudflareAPI
import ConsoleModel
import ConsoleTesting
import Foundation
import Testing

/// How a scripted write ends.
enum ScriptedEnd: String, CaseIterable, Sendable {
    case failure, unknown
}

@MainActor
@Suite("View-model writes of the Cloudflare workflows: invite, roles, profile, leave")
struct CloudflareWriteViewModelTests {
    let api = FakeCloudflareAPI(accounts: 1, members: 3)
    let roles = [Role(id: "r1", name: "Administrator"), Role(id: "r2", name: "Billing")]

    private func makeSession(readOnly: Bool = false) throws -> (ConsoleSession, ModelEventWaiter) {
        installRoutes()
        let session = ConsoleSession(profile: "test", directory: try api.directory(), readOnly: readOnly)
        return (session, ModelEventWaiter(session))
    }

    private func installRoutes() {
        let wireRoles = roles.map { Cloudflare.Role(id: $0.id, name: $0.name) }
        api.transport.handle(.post, "/accounts/acc1/members") { request in
            let body = try? JSONDecoder().decode(Cloudflare.MemberCreate.self, from: request.body ?? Data())
            let picked = wireRoles.filter { body?.roles?.contains($0.id) == true }
            return Self.ok(Cloudflare.Member(
                id: "new-member", status: OpenEnum(.pending), user: .init(email: body?.email ?? ""), roles: picked))
        }
        api.transport.handle(.put, "/accounts/acc1/members/acc1-m1") { request in
            let body = try? JSONDecoder().decode(Cloudflare.MemberUpdate.self, from: request.body ?? Data())
            let ids = body?.roles?.map(\.id) ?? []
            return Self.ok(Cloudflare.Member(
                id: "acc1-m1", status: OpenEnum(.accepted), user: .init(email: "user1@acc1.test"),
                roles: wireRoles.filter { ids.contains($0.id) }))
        }
        api.transport.handle(.get, "/accounts/acc1/members/acc1-m1") { _ in
            Self.ok(Cloudflare.Member(
                id: "acc1-m1", status: OpenEnum(.accepted), user: .init(email: "user1@acc1.test"), roles: [wireRoles[1]]))
        }
        api.transport.handle(.patch, "/user") { request in
            let edit = try? JSONDecoder().decode(Cloudflare.UserEdit.self, from: request.body ?? Data())
            return Self.ok(Cloudflare.User(id: "u1", email: "me@example.test", telephone: edit?.telephone?.value))
        }
        api.transport.handle(.get, "/user/organizations") { _ in
            Self.ok([Cloudflare.UserOrganization(id: "org1", name: "Old Org", status: "member")])
        }
        api.transport.handle(.delete, "/user/organizations/org1") { _ in
            .response(HTTPResponse(status: 200, body: Data(#"{"success":true,"errors":[],"messages":[],"id":"org1"}"#.utf8)))
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

    private func enterAccount(_ session: ConsoleSession, _ waiter: ModelEventWaiter) async throws {
        session.start()
        try #require(await waiter.until { session.accounts.snapshot.loadState == .loaded })
        session.focus(account: session.accounts.snapshot.rows[0])
        session.invitations.setMode(.sent)
        try #require(await waiter.until {
            session.members.snapshot.loadState == .loaded && session.invitations.sent.snapshot.loadState == .loaded
        })
    }

    // MARK: Invite

    @Test func invitingWithTwoRolesLandsInSent() async throws {
        let (session, waiter) = try makeSession()
        try await enterAccount(session, waiter)
        await session.invitations.invite(email: "new@example.test", roles: roles, in: session.scope).value
        let body = try #require(api.transport.requests.last { $0.method == .post }?.body)
        let sent = try JSONDecoder().decode(Cloudflare.MemberCreate.self, from: body)
        #expect(sent.roles == ["r1", "r2"] && sent.status == "pending")
        #expect(session.invitations.sent.snapshot.rows.contains { $0.id == "new-member" })
        #expect(await waiter.until { waiter.lastNotice?.level == .success })
    }

    @Test(arguments: ScriptedEnd.allCases)
    func anInviteThatFailsOrGetsNoAnswerIsSentOnce(end: ScriptedEnd) async throws {
        let (session, waiter) = try makeSession()
        try await enterAccount(session, waiter)
        let getsBefore = api.transport.count(.get, "/accounts/acc1/members")
        script(end, .post, "/accounts/acc1/members")
        await session.invitations.invite(email: "new@example.test", roles: roles, in: session.scope).value
        #expect(api.transport.count(.post, "/accounts/acc1/members") == 1)
        #expect(await waiter.until { waiter.lastNotice?.level == (end == .failure ? .error : .warning) })
        if end == .unknown {
            #expect(await waiter.until { api.transport.count(.get, "/accounts/acc1/members") > getsBefore })
            #expect(await waiter.until { waiter.lastNotice?.text.contains("nothing was re-sent") == true })
        } else {
            #expect(!session.invitations.sent.snapshot.rows.contains { $0.id == "new-member" })
        }
    }

    // MARK: Roles

    @Test func changingRolesReplacesTheRow() async throws {
        let (session, waiter) = try makeSession()
        try await enterAccount(session, waiter)
        await session.members.setRoles(id: "acc1-m1", to: [roles[1]]).value
        let body = try #require(api.transport.requests.last { $0.method == .put }?.body)
        #expect(String(decoding: body, as: UTF8.self) == #"{"roles":[{"id":"r2"}]}"#)
        #expect(session.members.list.row(id: "acc1-m1")?.roles.map(\.id) == ["r2"])
    }

    @Test(arguments: ScriptedEnd.allCases)
    func aRoleChangeThatFailsKeepsTheRowAndOneWithoutAnswerRereads(end: ScriptedEnd) async throws {
        let (session, waiter) = try makeSession()
        try await enterAccount(session, waiter)
        script(end, .put, "/accounts/acc1/members/acc1-m1")
        await session.members.setRoles(id: "acc1-m1", to: [roles[1]]).value
        #expect(api.transport.count(.put, "/accounts/acc1/members/acc1-m1") == 1)
        let row = session.members.list.row(id: "acc1-m1")
        switch end {
        case .failure:
            #expect(row?.roles.map(\.id) == ["r1"])
            #expect(await waiter.until { waiter.lastNotice?.level == .error })
        case .unknown:
            #expect(api.transport.count(.get, "/accounts/acc1/members/acc1-m1") == 1)
            #expect(row?.roles.map(\.id) == ["r2"])
            #expect(await waiter.until { waiter.lastNotice?.text.contains("Nothing was re-sent") == true })
        }
    }

    // MARK: Profile

    @Test func editingTheTelephoneUpdatesTheProfileAndHeader() async throws {
        let (session, waiter) = try makeSession()
        #expect(session.records.showUser())
        #expect(await waiter.until { session.records.user != nil })
        await session.records.editUser(["telephone": .set("+1 555 0100")]).value
        #expect(session.records.user?.editable.first { $0.id == "telephone" }?.value == "+1 555 0100")
        #expect(session.records.summary.contains(RecordField("Telephone", "+1 555 0100")))
        #expect(await waiter.until { waiter.lastNotice?.level == .success })
        await session.records.editUser(["telephone": .clear]).value
        let body = try #require(api.transport.requests.last { $0.method == .patch }?.body)
        #expect(String(decoding: body, as: UTF8.self) == #"{"telephone":null}"#)
    }

    @Test(arguments: ScriptedEnd.allCases)
    func aProfileEditThatFailsChangesNothingAndOneWithoutAnswerRereads(end: ScriptedEnd) async throws {
        let (session, waiter) = try makeSession()
        #expect(session.records.showUser())
        #expect(await waiter.until { session.records.user != nil })
        let readsBefore = api.transport.count(.get, "/user")
        script(end, .patch, "/user")
        await session.records.editUser(["telephone": .set("+1 555 0100")]).value
        #expect(api.transport.count(.patch, "/user") == 1)
        #expect(session.records.user?.editable.first { $0.id == "telephone" }?.value == nil)
        switch end {
        case .failure: #expect(await waiter.until { waiter.lastNotice?.level == .error })
        case .unknown:
            #expect(api.transport.count(.get, "/user") == readsBefore + 1)
            #expect(await waiter.until { waiter.lastNotice?.text.contains("Nothing was re-sent") == true })
        }
    }

    // MARK: Organizations

    @Test func leavingAnOrganizationRemovesItsRow() async throws {
        let (session, waiter) = try makeSession()
        #expect(session.records.showOrganizations())
        #expect(await waiter.until { session.records.snapshot.loadState == .loaded })
        #expect(session.records.snapshot.rows.map(\.id) == ["org1"])
        await session.records.leaveOrganization(id: "org1").value
        #expect(api.transport.count(.delete, "/user/organizations/org1") == 1)
        #expect(session.records.snapshot.rows.isEmpty)
    }

    @Test(arguments: ScriptedEnd.allCases)
    func leavingThatFailsKeepsTheRowAndOneWithoutAnswerRereads(end: ScriptedEnd) async throws {
        let (session, waiter) = try makeSession()
        #expect(session.records.showOrganizations())
        #expect(await waiter.until { session.records.snapshot.loadState == .loaded })
        script(end, .delete, "/user/organizations/org1")
        await session.records.leaveOrganization(id: "org1").value
        #expect(api.transport.count(.delete, "/user/organizations/org1") == 1)
        switch end {
        case .failure:
            #expect(session.records.snapshot.rows.map(\.id) == ["org1"])
            #expect(await waiter.until { waiter.lastNotice?.level == .error })
        case .unknown:
            #expect(await waiter.until { api.transport.count(.get, "/user/organizations") == 2 })
            #expect(await waiter.until { waiter.lastNotice?.text.contains("nothing was re-sent") == true })
        }
    }

    // MARK: Read-only

    @Test func readOnlyRefusesTheNewWritesAndSendsNothing() async throws {
        let (session, waiter) = try makeSession(readOnly: true)
        try await enterAccount(session, waiter)
        #expect(session.records.showOrganizations())
        #expect(await waiter.until { session.records.snapshot.loadState == .loaded })
        let before = api.transport.requests.filter { $0.method != .get }.count
        await session.invitations.invite(email: "new@example.test", roles: roles, in: session.scope).value
        await session.members.setRoles(id: "acc1-m1", to: [roles[1]]).value
        await session.records.editUser(["telephone": .set("1")]).value
        await session.records.leaveOrganization(id: "org1").value
        #expect(api.transport.requests.filter { $0.method != .get }.count == before)
        #expect(await waiter.until { waiter.lastNotice?.text.contains("Read-only") == true })
    }
}

private let forbidden =
    #"{"success":false,"errors":[{"code":9109,"message":"Access denied"}],"messages":[],"result":null}"#
