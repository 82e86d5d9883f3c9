import APICore
import ConsoleTesting
import Foundation
import OpenAIAdminAPI
import Providers
import Testing

@Suite("OpenAI client: auth, paging, errors")
struct OpenAIClientTests {
    @Test func signsWithTheAdminKeyAndTheOrganizationWhenSet() async throws {
        let transport = FakeTransport()
        transport.respond(.get, "/v1/organization/users/u1", json: openAIUserJSON("u1"))
        _ = try await makeOpenAIClient(transport, organizationID: "org-1").user(id: "u1")
        _ = try await makeOpenAIClient(transport).user(id: "u1")
        let (withOrganization, without) = (transport.requests[0], transport.requests[1])
        #expect(withOrganization.header("Authorization") == "Bearer \(openAIKeyInUse)")
        #expect(withOrganization.header("OpenAI-Organization") == "org-1")
        #expect(without.header("OpenAI-Organization") == nil)
        #expect(withOrganization.url.absoluteString == "https://api.example.test/v1/organization/users/u1")
    }

    @Test func usersFollowLastIDWithBracketedEmailsAndStopOnHasMoreFalse() async throws {
        let transport = FakeTransport()
        transport.script(
            .get, "/v1/organization/users",
            [
                openAIOK(openAIList([openAIUserJSON("u1"), openAIUserJSON("u2")], hasMore: true, lastID: "u2")),
                openAIOK(openAIList([openAIUserJSON("u3")], hasMore: false, lastID: "u3")),
            ])
        let users = try await makeOpenAIClient(transport).users(emails: ["a@b.c", "d@e.f"]).fetchAll()
        #expect(users.map(\.id) == ["u1", "u2", "u3"])
        #expect(transport.requests.count == 2)
        #expect(
            transport.requests.map { $0.url.query(percentEncoded: true) } == [
                "emails%5B%5D=a%40b.c&emails%5B%5D=d%40e.f&limit=100",
                "emails%5B%5D=a%40b.c&emails%5B%5D=d%40e.f&limit=100&after=u2",
            ])
    }

    @Test func adminKeysFollowTheLastItemsIDNotLastID() async throws {
        let transport = FakeTransport()
        transport.script(
            .get, "/v1/organization/admin_api_keys",
            [
                openAIOK(openAIList([adminKeyJSON("key_1"), adminKeyJSON("key_2")], hasMore: true, lastID: "ignored")),
                openAIOK(openAIList([adminKeyJSON("key_3")], hasMore: false)),
            ])
        let keys = try await makeOpenAIClient(transport).adminKeys().fetchAll()
        #expect(keys.map(\.id) == ["key_1", "key_2", "key_3"])
        #expect(transport.requests.map(queryItems) == [["limit=100"], ["limit=100", "after=key_2"]])
    }

    @Test func rolesFollowNextNotLastID() async throws {
        let transport = FakeTransport()
        transport.script(
            .get, "/v1/organization/roles",
            [
                openAIOK(openAIList([openAIRoleJSON("r1")], hasMore: true, lastID: "r1", next: "cursor-2")),
                openAIOK(openAIList([openAIRoleJSON("r2")], hasMore: false, lastID: "r2")),
            ])
        let roles = try await makeOpenAIClient(transport).roles().fetchAll()
        #expect(roles.map(\.id) == ["r1", "r2"])
        #expect(transport.requests.map(queryItems).last == ["limit=100", "after=cursor-2"])
    }

    @Test func userRoleAssignmentsFollowNext() async throws {
        let transport = FakeTransport()
        let assigned =
            #"{"id":"r1","name":"Reader","permissions":[],"predefined_role":true,"resource_type":"api.organization","created_at":5}"#
        transport.script(
            .get, "/v1/organization/users/u1/roles",
            [
                openAIOK(openAIList([assigned], hasMore: true, next: "n2")), openAIOK(openAIList([], hasMore: false)),
            ])
        let roles = try await makeOpenAIClient(transport).userRoles(userID: "u1").fetchAll()
        #expect(roles.map(\.createdAt) == [5])
        #expect(transport.requests.map(queryItems).last == ["limit=100", "after=n2"])
    }

    /// The SDK's stop rule: `has_more: false`, an empty page, or no cursor; a missing `has_more` goes on.
    @Test(arguments: [
        (openAIList([openAIUserJSON("u1")], hasMore: nil, lastID: "u1"), true),
        (openAIList([openAIUserJSON("u1")], hasMore: false, lastID: "u1"), false),
        (openAIList([], hasMore: true, lastID: "u1"), false),
        (openAIList([openAIUserJSON("u1")], hasMore: true), false),
        (openAIList([openAIUserJSON("u1")], hasMore: true, lastID: "before"), false),
    ])
    func conversationPagesStopLikeTheSDK(body: String, continues: Bool) async throws {
        let transport = FakeTransport()
        transport.respond(.get, "/v1/organization/users", json: body)
        let page = try await makeOpenAIClient(transport).users().page(.after("before"))
        #expect((page.next != nil) == continues)
    }

    @Test func timestampsAreUnixSeconds() async throws {
        let transport = FakeTransport()
        transport.respond(
            .get, "/v1/organization/admin_api_keys/key_1", json: adminKeyJSON("key_1", expiresAt: 1_711_500_000))
        let directory = try makeOpenAIDirectory(transport)
        let token = try await directory.token(Token(id: "key_1", name: "", status: .active, kind: .adminKey))
        #expect(token.issuedOn == Date(timeIntervalSince1970: 1_711_471_533))
        #expect(token.lastUsedOn == Date(timeIntervalSince1970: 1_711_471_534))
        #expect(token.expiresOn == Date(timeIntervalSince1970: 1_711_500_000))
        #expect(token.status == .active)
        #expect(token.ownerLabel == "user Ana")
    }

    @Test(arguments: [
        (
            400, "invalid_request_error", Optional("invalid_email"), "The server rejected the request: Bad email",
            "invalid_email"
        ),
        (404, "invalid_request_error", nil, "Not found: Bad email", "invalid_request_error"),
        (
            401, "invalid_request_error", Optional("invalid_api_key"),
            "Not signed in: the credentials were not accepted (revoked or expired? set a valid one in its environment "
                + "variable or the profile's token_command, then start orgtui again): Bad email", "invalid_api_key"
        ),
        (429, "rate_limit_exceeded", nil, "Rate limited: Bad email", "rate_limit_exceeded"),
    ])
    func theErrorBodyBecomesTheUserMessage(status: Int, type: String, code: String?, message: String, shownCode: String)
        async throws
    {
        let transport = FakeTransport()
        transport.respond(
            .get, "/v1/organization/users/u1", status: status,
            json: openAIError(message: "Bad email", type: type, code: code),
            headers: ["x-request-id": "req_1"])
        await #expect {
            try await makeOpenAIClient(transport).user(id: "u1")
        } throws: { error in
            let error = try #require(error as? APIError)
            return error.status == status && error.userMessage == message
                && error.providerMessages == [ProviderMessage(code: shownCode, message: "Bad email")]
        }
    }

    @Test(arguments: ["<html>502</html>", #"{"object":"organization.user","id":"u1""#, #"{"id":"u1"}"#, ""])
    func aMalformed200IsAClearError(body: String) async throws {
        let transport = FakeTransport()
        transport.respond(.get, "/v1/organization/users/u1", json: body, headers: ["x-request-id": "req_9"])
        await #expect {
            try await makeOpenAIClient(transport).user(id: "u1")
        } throws: { error in
            let error = try #require(error as? APIError)
            return error.kind == .malformedResponse && error.detail?.contains("x-request-id req_9") == true
        }
    }

    @Test func unknownRolesAndStatusesDecode() async throws {
        let transport = FakeTransport()
        let invite =
            #"{"object":"organization.invite","id":"i1","email":"a@b.c","role":"billing","status":"revoked","created_at":1,"projects":[{"id":"p1","role":"viewer"}],"future_field":{"x":1}}"#
        transport.respond(.get, "/v1/organization/invites/i1", json: invite)
        transport.respond(
            .get, "/v1/organization/projects/p1/users/u1",
            json: #"{"object":"organization.project.user","id":"u1","added_at":1,"role":"auditor"}"#)
        transport.respond(
            .get, "/v1/organization/projects/p1/service_accounts/s1",
            json:
                #"{"object":"organization.project.service_account","id":"s1","name":"ci","created_at":1,"role":"robot"}"#
        )
        transport.respond(.get, "/v1/organization/projects/p1", json: openAIProjectJSON("p1", status: "frozen"))
        let client = try makeOpenAIClient(transport)
        let decoded = try await client.invite(id: "i1")
        #expect(decoded.role == .unknown("billing"))
        #expect(decoded.status == .unknown("revoked"))
        #expect(decoded.projects.first?.role == .unknown("viewer"))
        #expect(try await client.projectUser(projectID: "p1", userID: "u1").role == "auditor")
        #expect(try await client.serviceAccount(projectID: "p1", id: "s1").role == .unknown("robot"))
        #expect(try await client.project(id: "p1").status == .unknown("frozen"))
    }

    @Test func aCreateThatTimesOutAfterSendingIsOutcomeUnknownAndSentOnce() async throws {
        let transport = FakeTransport()
        let sleeper = RecordingSleeper()
        transport.script(
            .post, "/v1/organization/admin_api_keys",
            [
                .failure(.failedAfterSending("reset")),
                openAIOK(
                    #"{"object":"organization.admin_api_key","id":"key_2","created_at":1,"redacted_value":"sk-admin...2222","owner":{},"value":"sk-admin-new"}"#
                ),
            ])
        await #expect {
            try await makeOpenAIClient(transport, retrying: sleeper).createAdminKey(.init(name: "ci"))
        } throws: { error in
            (error as? APIError)?.kind == .outcomeUnknown
        }
        #expect(transport.count(.post, "/v1/organization/admin_api_keys") == 1)
        #expect(sleeper.recorded.isEmpty)
    }

    @Test func aReadThatTimesOutIsRetried() async throws {
        let transport = FakeTransport()
        let sleeper = RecordingSleeper()
        transport.script(.get, "/v1/organization/users/u1", [.failure(.timedOut), openAIOK(openAIUserJSON("u1"))])
        _ = try await makeOpenAIClient(transport, retrying: sleeper).user(id: "u1")
        #expect(transport.count(.get, "/v1/organization/users/u1") == 2)
    }

    @Test func createAdminKeyReturnsTheSecretOnlyAsASecret() async throws {
        let transport = FakeTransport()
        transport.respond(
            .post, "/v1/organization/admin_api_keys",
            json:
                #"{"object":"organization.admin_api_key","id":"key_2","name":"ci","created_at":1,"redacted_value":"sk-admin...2222","owner":{},"value":"sk-admin-new-2222"}"#
        )
        let created = try await makeOpenAIClient(transport).createAdminKey(.init(name: "ci"))
        #expect(created.secret.reveal() == "sk-admin-new-2222")
        #expect(created.key.id == "key_2")
        #expect(bodyText(transport.requests.first) == #"{"name":"ci"}"#)
        #expect(transport.requests.first?.header("Content-Type") == "application/json")
    }

    @Test func serviceAccountCreationKeepsTheKeyOnlyInTheSecret() async throws {
        let transport = FakeTransport()
        transport.respond(
            .post, "/v1/organization/projects/p1/service_accounts",
            json:
                #"{"object":"organization.project.service_account","id":"s1","name":"ci","created_at":1,"role":"member","api_key":{"object":"organization.project.service_account.api_key","id":"k1","name":"Secret Key","created_at":1,"value":"sk-svc-1"}}"#
        )
        let created = try await makeOpenAIClient(transport).createServiceAccount(projectID: "p1", .init(name: "ci"))
        #expect(created.secret?.reveal() == "sk-svc-1")
        #expect(created.account.apiKey?.value == "")
        #expect(bodyText(transport.requests.first) == #"{"name":"ci"}"#)
    }

    @Test func updatesArePOSTsWithOnlyTheSetFields() async throws {
        let transport = FakeTransport()
        transport.respond(.post, "/v1/organization/users/u1", json: openAIUserJSON("u1", role: "owner"))
        let user = try await makeOpenAIClient(transport).updateUser(id: "u1", .init(role: OpenEnum(.owner)))
        #expect(user.role == .known(.owner))
        #expect(bodyText(transport.requests.first) == #"{"role":"owner"}"#)
    }

    @Test func aDeleteAnsweredWithDeletedFalseIsAnError() async throws {
        let transport = FakeTransport()
        transport.respond(
            .delete, "/v1/organization/invites/i1",
            json: #"{"id":"i1","object":"organization.invite.deleted","deleted":false}"#)
        await #expect(throws: APIError.self) { try await makeOpenAIClient(transport).deleteInvite(id: "i1") }
    }

    @Test func idsStayOnePathSegment() async throws {
        let transport = FakeTransport()
        transport.respond(.get, "/v1/organization/users/a%2Fb", json: openAIUserJSON("a/b"))
        _ = try await makeOpenAIClient(transport).user(id: "a/b")
        #expect(transport.requests.first?.url.absoluteString.hasSuffix("/organization/users/a%2Fb") == true)
    }

    @Test func theEnvironmentNeverFallsBackToAnOrdinaryKey() {
        #expect(throws: APIError.self) { try OpenAIConfiguration.fromEnvironment(["OPENAI_API_KEY": "sk-x"]) }
        #expect(ProviderRegistry.standard.providersWithCredentials(in: ["OPENAI_ADMIN_KEY": "k"]) == [.openAI])
    }
}
