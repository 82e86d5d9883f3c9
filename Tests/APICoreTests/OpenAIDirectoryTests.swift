import APICore
import ConsoleTesting
import Foundation
import OpenAIAdminAPI
import Testing

@Suite("OpenAI directory: scopes, rows and writes")
struct OpenAIDirectoryTests {
    private let project = ScopeNode(kind: .project, id: "p1", name: "Project p1")
    private var projectScope: Scope { Scope([project]) }

    @Test func capabilitiesAreExactlyWhatTheAdminAPIHas() throws {
        let directory = try makeOpenAIDirectory(FakeTransport())
        #expect(directory.provider == .openAI)
        #expect(
            directory.capabilities == [
                .rotateKeys, .deleteTokens, .inviteMembers, .revokeInvitations, .changeMemberRoles, .removeMembers,
                .assignMemberRoles,
            ])
        #expect(directory.invitationAnswering == nil)
        #expect(directory.tokenRolling == nil)
        #expect(directory.tokenToggling == nil)
        #expect(directory.memberRoleEditing?.allowsSeveralRoles == false)
        #expect(directory.memberInviting?.allowsSeveralRoles == false)
    }

    @Test func theConfigurationBuildsTheOpenAIDirectory() throws {
        let configuration = try OpenAIConfiguration(baseURL: "https://api.example.test/v1", adminKey: Secret("k"))
        #expect(
            OpenAIDescriptor.wrap(configuration).makeDirectory(transport: FakeTransport()).provider == .openAI)
    }

    @Test(arguments: [
        ("sk-admin...wxyz", true), ("sk-admin-ab…wxyz", true), ("sk-admin-ab****wxyz", true),
        ("sk-admin...-wxyz", true),
        ("sk-admin...abcd", false), ("sk-proj...wxyz", false), ("sk-admin-wxyz", false), ("sk-admin...", false),
    ])
    func theSignedInKeyIsFoundByItsRedactedValue(redacted: String, matches: Bool) async throws {
        let transport = FakeTransport()
        transport.respond(
            .get, "/v1/organization/admin_api_keys",
            json: openAIList(
                [adminKeyJSON("key_other", redacted: "sk-admin...0000"), adminKeyJSON("key_1", redacted: redacted)],
                hasMore: false))
        let id = try await makeOpenAIDirectory(transport).signedInTokenID()
        #expect(id == (matches ? "key_1" : nil))
    }

    @Test func twoKeysWithTheSameVisibleEndsMatchNeither() async throws {
        let transport = FakeTransport()
        transport.respond(
            .get, "/v1/organization/admin_api_keys",
            json: openAIList(
                [adminKeyJSON("key_1", redacted: "sk-admin...wxyz"), adminKeyJSON("key_2", redacted: "sk-admin…wxyz")],
                hasMore: false))
        #expect(try await makeOpenAIDirectory(transport).signedInTokenID() == nil)
    }

    @Test func theCurrentUserIsTheMatchedAdminKey() async throws {
        let transport = FakeTransport()
        transport.respond(
            .get, "/v1/organization/admin_api_keys",
            json: openAIList([adminKeyJSON("key_1", redacted: "sk-admin...wxyz")], hasMore: false))
        let profile = try await makeOpenAIDirectory(transport).currentUser()
        #expect(profile == UserProfile(id: "key_1", email: "admin key sk-admin...wxyz", name: "Ana"))
    }

    @Test func accountsAreTheOrganizationThenEveryProjectIncludingArchived() async throws {
        let transport = FakeTransport()
        transport.handle(.get, "/v1/organization/projects") { request in
            queryItems(request).contains("after=p1")
                ? openAIOK(openAIList([openAIProjectJSON("p2", status: "archived")], hasMore: false, lastID: "p2"))
                : openAIOK(openAIList([openAIProjectJSON("p1")], hasMore: true, lastID: "p1"))
        }
        let directory = try makeOpenAIDirectory(transport, organizationID: "org-9")
        for scope in [Scope.top, projectScope] {
            let rows = try #require(directory.accounts(in: scope, nameFilter: nil).pagedList)
            let first = try await rows.page(rows.first)
            #expect(first.items.map(\.id) == ["org-9", "p1"])
            #expect(first.items.map(\.scopeKind) == [nil, .project])
            #expect(first.items.map(\.kind) == ["organization", "project"])
            let second = try await rows.page(try #require(first.next))
            #expect(second.items.map(\.id) == ["p2"])
            #expect(second.items.first?.status == "archived")
            #expect(second.next == nil)
        }
        #expect(transport.requests.allSatisfy { queryItems($0).contains("include_archived=true") })
    }

    @Test func withoutAnOrganizationIDTheRowIsNamedOrganization() async throws {
        let transport = FakeTransport()
        transport.respond(.get, "/v1/organization/projects", json: openAIList([], hasMore: false))
        let rows = try #require(try makeOpenAIDirectory(transport).accounts(in: .top, nameFilter: nil).pagedList)
        #expect(try await rows.fetchAll().map(\.name) == ["Organization"])
    }

    @Test func organizationMembersAreTopLevelAndProjectMembersBelongToTheProject() async throws {
        let transport = FakeTransport()
        transport.respond(
            .get, "/v1/organization/users", json: openAIList([openAIUserJSON("u1", role: "owner")], hasMore: false))
        transport.respond(
            .get, "/v1/organization/projects/p1/users",
            json: openAIList(
                [#"{"object":"organization.project.user","id":"u2","email":"b@x","added_at":1,"role":"member"}"#],
                hasMore: false))
        let directory = try makeOpenAIDirectory(transport)
        let top = try await #require(directory.members(in: .top, status: nil).pagedList).fetchAll()
        #expect(top.map(\.scope) == [.top])
        #expect(top.first?.roles == [Role(id: "owner", name: "owner")])
        #expect(top.first?.status == .active)
        let inProject = try await #require(directory.members(in: projectScope, status: nil).pagedList).fetchAll()
        #expect(inProject.map(\.scope) == [projectScope])
        #expect(inProject.first?.roles.map(\.name) == ["member"])
        let pending = try await #require(directory.members(in: .top, status: .pending).pagedList).fetchAll()
        #expect(pending.isEmpty)
        #expect(transport.count(.get, "/v1/organization/users") == 1)
    }

    @Test func projectTokensAreItsKeysThenItsServiceAccounts() async throws {
        let transport = FakeTransport()
        let userKey =
            #"{"object":"organization.project.api_key","id":"k1","name":"dev","created_at":1,"redacted_value":"sk-...aaaa","owner_project_access":"active","owner":{"type":"user","user":{"id":"u1","email":"ana@x","name":"Ana","role":"owner","created_at":1}}}"#
        let robotKey =
            #"{"object":"organization.project.api_key","id":"k2","name":"ci","created_at":1,"redacted_value":"sk-...bbbb","owner_project_access":"inactive","owner":{"type":"service_account","service_account":{"id":"s1","name":"ci-bot","role":"member","created_at":1}}}"#
        transport.script(
            .get, "/v1/organization/projects/p1/api_keys",
            [
                openAIOK(openAIList([userKey], hasMore: true, lastID: "k1")),
                openAIOK(openAIList([robotKey], hasMore: false)),
            ])
        transport.respond(
            .get, "/v1/organization/projects/p1/service_accounts",
            json: openAIList(
                [
                    #"{"object":"organization.project.service_account","id":"s1","name":"ci-bot","created_at":1,"role":"member"}"#
                ], hasMore: false))
        let tokens = try await #require(try makeOpenAIDirectory(transport).tokens(in: projectScope).pagedList)
            .fetchAll()
        #expect(tokens.map(\.id) == ["k1", "k2", "s1"])
        #expect(tokens.map(\.kind) == [.projectKey, .projectKey, .serviceAccount])
        #expect(tokens.map(\.ownerLabel).prefix(2) == ["user ana@x", "service account ci-bot"])
        #expect(tokens.map(\.status) == [.active, .disabled, .active])
        #expect(tokens.allSatisfy { $0.owner == projectScope && !$0.holdsCredentials })
        #expect(transport.requests.count == 3)
    }

    @Test func topLevelTokensAreAdminKeysAndExpiredOnesSayExpired() async throws {
        let transport = FakeTransport()
        transport.respond(
            .get, "/v1/organization/admin_api_keys",
            json: openAIList([adminKeyJSON("key_1", expiresAt: 1_711_000_000), adminKeyJSON("key_2")], hasMore: false))
        let tokens = try await #require(try makeOpenAIDirectory(transport).tokens(in: .top).pagedList).fetchAll()
        #expect(tokens.map(\.status) == [.expired, .active])
        #expect(tokens.allSatisfy { $0.kind == .adminKey && $0.owner == .top && $0.redactedValue == "sk-admin...0000" })
    }

    @Test func sentInvitationsAreTheOrganizationsInvites() async throws {
        let transport = FakeTransport()
        let invite =
            #"{"object":"organization.invite","id":"i1","email":"new@x","role":"reader","status":"pending","created_at":100,"expires_at":200,"projects":[]}"#
        transport.respond(.get, "/v1/organization/invites", json: openAIList([invite], hasMore: false))
        let directory = try makeOpenAIDirectory(transport, organizationID: "org-9")
        let invitations = try await #require(directory.sentInvitations(in: projectScope).pagedList).fetchAll()
        let first = try #require(invitations.first)
        #expect(first.direction == .sent && first.accountID == "org-9" && first.roles == ["reader"])
        #expect(first.status == .pending && first.expiresOn == Date(timeIntervalSince1970: 200))
        #expect(directory.canRevoke(first))
        var accepted = first
        accepted.status = .accepted
        #expect(!directory.canRevoke(accepted))
        await #expect(throws: APIError.self) { try await directory.revokeInvitation(accepted) }
        #expect(transport.count(.delete, "/v1/organization/invites/i1") == 0)
    }

    @Test func changingARoleIsOnePOSTWithOneRole() async throws {
        let transport = FakeTransport()
        transport.respond(.post, "/v1/organization/users/u1", json: openAIUserJSON("u1", role: "owner"))
        transport.respond(
            .post, "/v1/organization/projects/p1/users/u2",
            json: #"{"object":"organization.project.user","id":"u2","added_at":1,"role":"owner"}"#)
        let directory = try makeOpenAIDirectory(transport)
        let orgMember = Member(id: "u1", email: "u1@x", status: .active, roles: [], scope: .top)
        let projectMember = Member(id: "u2", email: "u2@x", status: .active, roles: [], scope: projectScope)
        #expect(try await directory.assignableRoles(for: orgMember).map(\.id) == ["owner", "reader"])
        #expect(try await directory.assignableRoles(for: projectMember).map(\.id) == ["owner", "member"])
        let updated = try await directory.setRoles(of: orgMember, to: [Role(id: "owner", name: "owner")])
        #expect(updated.roles.map(\.id) == ["owner"])
        _ = try await directory.setRoles(of: projectMember, to: [Role(id: "owner", name: "owner")])
        #expect(transport.requests.map(bodyText) == [#"{"role":"owner"}"#, #"{"role":"owner"}"#])
        await #expect(throws: APIError.self) {
            try await directory.setRoles(
                of: orgMember, to: [Role(id: "owner", name: "owner"), Role(id: "reader", name: "reader")])
        }
        await #expect(throws: APIError.self) {
            try await directory.setRoles(of: projectMember, to: [Role(id: "reader", name: "reader")])
        }
        #expect(transport.requests.count == 2)
    }

    @Test func removingDeletesFromTheMembersScope() async throws {
        let transport = FakeTransport()
        transport.respond(
            .delete, "/v1/organization/users/u1",
            json: #"{"id":"u1","object":"organization.user.deleted","deleted":true}"#)
        transport.respond(
            .delete, "/v1/organization/projects/p1/users/u2",
            json: #"{"id":"u2","object":"organization.project.user.deleted","deleted":true}"#)
        let directory = try makeOpenAIDirectory(transport)
        try await directory.removeMember(Member(id: "u1", email: "", status: .active, roles: [], scope: .top))
        try await directory.removeMember(Member(id: "u2", email: "", status: .active, roles: [], scope: projectScope))
        #expect(
            transport.requests.map(\.url.path) == [
                "/v1/organization/users/u1", "/v1/organization/projects/p1/users/u2",
            ])
    }

    @Test func invitingSendsTheEmailAndOneOrganizationRole() async throws {
        let transport = FakeTransport()
        transport.respond(
            .post, "/v1/organization/invites",
            json:
                #"{"object":"organization.invite","id":"i2","email":"new@x","role":"owner","status":"pending","created_at":1,"projects":[]}"#
        )
        let directory = try makeOpenAIDirectory(transport)
        #expect(directory.canInvite(in: .top) && directory.canInvite(in: projectScope))
        let invitation = try await directory.invite(email: "new@x", roles: [Role(id: "owner", name: "owner")], in: .top)
        #expect(invitation.id == "i2" && invitation.status == .pending)
        #expect(bodyText(transport.requests.first) == #"{"email":"new@x","role":"owner"}"#)
    }

    @Test func tokensAreDeletedByKind() async throws {
        let transport = FakeTransport()
        let deleted = #"{"id":"x","object":"deleted","deleted":true}"#
        for path in ["admin_api_keys/a1", "projects/p1/api_keys/k1", "projects/p1/service_accounts/s1"] {
            transport.respond(.delete, "/v1/organization/\(path)", json: deleted)
        }
        let directory = try makeOpenAIDirectory(transport)
        let tokens = [
            Token(id: "a1", name: "", status: .active, kind: .adminKey),
            Token(id: "k1", name: "", status: .active, kind: .projectKey, owner: projectScope),
            Token(id: "s1", name: "", status: .active, kind: .serviceAccount, owner: projectScope),
        ]
        for token in tokens {
            #expect(directory.canDelete(token))
            try await directory.deleteToken(token)
        }
        #expect(transport.requests.map(\.method) == [.delete, .delete, .delete])
        #expect(directory.canRotate(tokens[0]) && !directory.canRotate(tokens[1]) && !directory.canRotate(tokens[2]))
    }

    @Test func rotationCreatesASameNamedKeyAndAdoptingSwitchesTheAuthorization() async throws {
        let transport = FakeTransport()
        transport.respond(
            .post, "/v1/organization/admin_api_keys",
            json:
                #"{"object":"organization.admin_api_key","id":"key_2","name":"ops","created_at":1,"redacted_value":"sk-admin...9999","owner":{},"value":"sk-admin-rotated-9999"}"#
        )
        transport.respond(
            .delete, "/v1/organization/admin_api_keys/key_1",
            json: #"{"id":"key_1","object":"organization.admin_api_key.deleted","deleted":true}"#)
        let directory = try makeOpenAIDirectory(transport)
        let old = Token(id: "key_1", name: "ops", status: .active, kind: .adminKey, redactedValue: "sk-admin...wxyz")
        #expect(await directory.isOwnCredential(old))
        let issued = try await directory.createReplacement(for: old)
        #expect(bodyText(transport.requests.first) == #"{"name":"ops"}"#)
        #expect(issued.token.id == "key_2" && issued.secret.reveal() == "sk-admin-rotated-9999")
        directory.adopt(issued)
        issued.secret.wipe()
        try await directory.deleteToken(old)
        #expect(
            transport.requests.map { $0.header("Authorization") } == [
                "Bearer \(openAIKeyInUse)", "Bearer sk-admin-rotated-9999",
            ])
        #expect(await directory.isOwnCredential(issued.token))
        #expect(!(await directory.isOwnCredential(old)))
    }

    @Test func aRowWithoutAnIdSendsNothing() async throws {
        let transport = FakeTransport()
        let directory = try makeOpenAIDirectory(transport)
        await #expect(throws: APIError.self) {
            try await directory.deleteToken(Token(id: "", name: "", status: .active, kind: .adminKey))
        }
        await #expect(throws: APIError.self) {
            try await directory.deleteToken(Token(id: "k1", name: "", status: .active, kind: .projectKey))
        }
        #expect(transport.requests.isEmpty)
    }
}
