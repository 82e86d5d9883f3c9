import APICore
import CloudflareAPI
import ConsoleModel
import ConsoleTesting
import DemoServer
import Foundation
import Testing

/// How a scripted write ends: refused by the server, or with the connection dropped after the server acted.
enum ScriptedEnd: String, CaseIterable, Sendable {
    case failure, unknown

    /// Makes the next `method` request on `path` of `demo` end this way.
    func inject(into demo: InProcessDemo, _ method: String, _ path: String) {
        switch self {
        case .failure:
            demo.server.faults.inject(.refusal(403, message: "Access denied", code: 9109), method: method, path: path)
        case .unknown: demo.server.faults.inject(.reset(), method: method, path: path)
        }
    }
}

/// The Cloudflare workflow writes of the view-models on an in-process DemoServer, in the big account (Acme Corp,
/// where the demo user is super administrator).
@MainActor
@Suite("View-model writes of the Cloudflare workflows: invite, roles, profile, leave")
struct CloudflareWriteViewModelTests {
    let demo: InProcessDemo
    /// Two roles of the big account.
    let roles: [Role]

    init() async throws {
        demo = await InProcessDemo.start()
        let wire = await demo.server.store.roles(accountID: demo.server.store.bigAccountID)
        roles = try wire.prefix(2).map { Role(id: try #require($0.id), name: $0.name ?? "") }
        try #require(roles.count == 2)
    }

    private var big: String { demo.server.store.bigAccountID }

    private func makeSession(readOnly: Bool = false) throws -> (ConsoleSession, ModelEventWaiter) {
        let session = ConsoleSession(profile: "test", directory: try demo.cloudflareDirectory(), readOnly: readOnly)
        return (session, ModelEventWaiter(session))
    }

    private func count(_ method: String, _ suffix: String) async -> Int {
        await demo.requests(method, pathSuffix: suffix).count
    }

    private func enterAccount(_ session: ConsoleSession, _ waiter: ModelEventWaiter) async throws {
        session.start()
        try #require(await waiter.until { session.accounts.snapshot.loadState == .loaded })
        session.focus(account: try #require(session.accounts.list.row(id: big)))
        session.invitations.setMode(.sent)
        try #require(
            await waiter.until {
                session.members.snapshot.loadState == .loaded && session.invitations.sent.snapshot.loadState == .loaded
            })
    }

    /// An active member other than the demo user, whose roles are not just the second role.
    private func otherMember(_ session: ConsoleSession) throws -> Member {
        let userEmail = demo.server.userEmail
        let second = roles[1].id
        return try #require(
            session.members.snapshot.rows.first { member in
                member.email != userEmail && member.status == .active && member.roles.map(\.id) != [second]
            })
    }

    // MARK: Invite

    @Test func invitingWithTwoRolesLandsInSent() async throws {
        let (session, waiter) = try makeSession()
        try await enterAccount(session, waiter)
        await session.invitations.invite(email: "new@example.test", roles: roles, in: session.scope).value
        let body = try #require(demo.lastRawBody(.post, pathSuffix: "/accounts/\(big)/members"))
        let sent = try JSONDecoder().decode(Cloudflare.MemberCreate.self, from: body)
        #expect(sent.roles == roles.map(\.id) && sent.status == "pending")
        #expect(session.invitations.sent.snapshot.rows.contains { $0.inviteeEmail == "new@example.test" })
        #expect(await waiter.until { waiter.lastNotice?.level == .success })
    }

    @Test(arguments: ScriptedEnd.allCases)
    func anInviteThatFailsOrGetsNoAnswerIsSentOnce(end: ScriptedEnd) async throws {
        let (session, waiter) = try makeSession()
        try await enterAccount(session, waiter)
        let path = "/accounts/\(big)/members"
        let getsBefore = await count("GET", path)
        end.inject(into: demo, "POST", path)
        await session.invitations.invite(email: "new@example.test", roles: roles, in: session.scope).value
        #expect(await count("POST", path) == 1)
        #expect(await waiter.until { waiter.lastNotice?.level == (end == .failure ? .error : .warning) })
        if end == .unknown {
            #expect(await waiter.eventually { await count("GET", path) > getsBefore })
            #expect(await waiter.until { waiter.lastNotice?.text.contains("nothing was re-sent") == true })
        } else {
            #expect(!session.invitations.sent.snapshot.rows.contains { $0.inviteeEmail == "new@example.test" })
        }
    }

    // MARK: Roles

    @Test func changingRolesReplacesTheRow() async throws {
        let (session, waiter) = try makeSession()
        try await enterAccount(session, waiter)
        let member = try otherMember(session)
        await session.members.setRoles(id: member.id, to: [roles[1]]).value
        let body = try #require(demo.lastRawBody(.put, pathSuffix: "/members/\(member.id)"))
        #expect(String(decoding: body, as: UTF8.self) == #"{"roles":[{"id":"\#(roles[1].id)"}]}"#)
        #expect(session.members.list.row(id: member.id)?.roles.map(\.id) == [roles[1].id])
        #expect(
            await demo.server.store.member(accountID: big, memberID: member.id)?.roles?.compactMap(\.id) == [
                roles[1].id
            ])
    }

    @Test(arguments: ScriptedEnd.allCases)
    func aRoleChangeThatFailsKeepsTheRowAndOneWithoutAnswerRereads(end: ScriptedEnd) async throws {
        let (session, waiter) = try makeSession()
        try await enterAccount(session, waiter)
        let member = try otherMember(session)
        let path = "/accounts/\(big)/members/\(member.id)"
        end.inject(into: demo, "PUT", path)
        await session.members.setRoles(id: member.id, to: [roles[1]]).value
        #expect(await count("PUT", path) == 1)
        let row = session.members.list.row(id: member.id)
        switch end {
        case .failure:
            #expect(row?.roles.map(\.id) == member.roles.map(\.id))
            #expect(await waiter.until { waiter.lastNotice?.level == .error })
        case .unknown:
            #expect(await count("GET", path) == 1)
            #expect(row?.roles.map(\.id) == [roles[1].id])
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
        let body = try #require(demo.lastRawBody(.patch, pathSuffix: "/v4/user"))
        #expect(String(decoding: body, as: UTF8.self) == #"{"telephone":null}"#)
        #expect(await demo.server.store.demoUser().telephone == nil)
    }

    @Test(arguments: ScriptedEnd.allCases)
    func aProfileEditThatFailsChangesNothingAndOneWithoutAnswerRereads(end: ScriptedEnd) async throws {
        let (session, waiter) = try makeSession()
        #expect(session.records.showUser())
        #expect(await waiter.until { session.records.user != nil })
        let telephone = session.records.user?.editable.first { $0.id == "telephone" }?.value
        #expect(telephone == "+1 (555) 010-4477", "the seed's demo user")
        let readsBefore = await count("GET", "/v4/user")
        end.inject(into: demo, "PATCH", "/user")
        await session.records.editUser(["telephone": .set("+1 555 0100")]).value
        #expect(await count("PATCH", "/v4/user") == 1)
        switch end {
        case .failure:
            #expect(session.records.user?.editable.first { $0.id == "telephone" }?.value == telephone)
            #expect(await waiter.until { waiter.lastNotice?.level == .error })
        case .unknown:
            #expect(await count("GET", "/v4/user") == readsBefore + 1)
            #expect(await waiter.until { waiter.lastNotice?.text.contains("Nothing was re-sent") == true })
        }
    }

    // MARK: Organizations

    /// Shows the user's organizations; returns the last one's id (the seed's hostile one, safe to leave).
    private func showOrganizations(_ session: ConsoleSession, _ waiter: ModelEventWaiter) async throws -> String {
        #expect(session.records.showOrganizations())
        try #require(await waiter.until { session.records.snapshot.loadState == .loaded })
        return try #require(session.records.snapshot.rows.last?.id)
    }

    @Test func leavingAnOrganizationRemovesItsRow() async throws {
        let (session, waiter) = try makeSession()
        let organization = try await showOrganizations(session, waiter)
        let others = session.records.snapshot.rows.map(\.id).filter { $0 != organization }
        await session.records.leaveOrganization(id: organization).value
        #expect(await count("DELETE", "/user/organizations/\(organization)") == 1)
        #expect(session.records.snapshot.rows.map(\.id) == others)
    }

    @Test(arguments: ScriptedEnd.allCases)
    func leavingThatFailsKeepsTheRowAndOneWithoutAnswerRereads(end: ScriptedEnd) async throws {
        let (session, waiter) = try makeSession()
        let organization = try await showOrganizations(session, waiter)
        let rows = session.records.snapshot.rows.map(\.id)
        end.inject(into: demo, "DELETE", "/user/organizations/\(organization)")
        await session.records.leaveOrganization(id: organization).value
        #expect(await count("DELETE", "/user/organizations/\(organization)") == 1)
        switch end {
        case .failure:
            #expect(session.records.snapshot.rows.map(\.id) == rows)
            #expect(await waiter.until { waiter.lastNotice?.level == .error })
        case .unknown:
            #expect(await waiter.eventually { await count("GET", "/user/organizations") == 2 })
            #expect(await waiter.until { waiter.lastNotice?.text.contains("nothing was re-sent") == true })
        }
    }

    // MARK: Read-only

    @Test func readOnlyRefusesTheNewWritesAndSendsNothing() async throws {
        let (session, waiter) = try makeSession(readOnly: true)
        try await enterAccount(session, waiter)
        let member = try otherMember(session)
        let organization = try await showOrganizations(session, waiter)
        await session.invitations.invite(email: "new@example.test", roles: roles, in: session.scope).value
        await session.members.setRoles(id: member.id, to: [roles[1]]).value
        await session.records.editUser(["telephone": .set("1")]).value
        await session.records.leaveOrganization(id: organization).value
        #expect(await demo.writeCount() == 0)
        #expect(demo.traffic.sent.allSatisfy { $0.method == .get })
        #expect(await waiter.until { waiter.lastNotice?.text.contains("Read-only") == true })
    }
}
