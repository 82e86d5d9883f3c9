import APICore
import CloudflareAPI
import ConsoleTesting
import Foundation
import Testing

@Suite("Cloudflare client: requests, auth and errors")
struct CloudflareClientTests {
    @Test func apiTokenSendsOnlyBearer() async throws {
        let transport = FakeTransport()
        transport.respond(.get, "/user", json: envelope(#"{"id":"u1","email":"a@b.c"}"#))
        _ = try await makeClient(transport).user()
        let request = try #require(transport.requests.first)
        #expect(request.header("Authorization") == "Bearer tok-SECRET-123")
        #expect(request.header("X-Auth-Key") == nil)
        #expect(request.header("X-Auth-Email") == nil)
        #expect(request.url.absoluteString == "https://api.example.test/client/v4/user")
    }

    @Test func globalKeySendsKeyAndEmailOnly() async throws {
        let transport = FakeTransport()
        transport.respond(.get, "/user", json: envelope(#"{"id":"u1","email":"a@b.c"}"#))
        _ = try await makeClient(transport, credentials: .globalKey(Secret("k"), email: "a@b.c")).user()
        let request = try #require(transport.requests.first)
        #expect(request.header("Authorization") == nil)
        #expect(request.header("X-Auth-Key") == "k")
        #expect(request.header("X-Auth-Email") == "a@b.c")
    }

    @Test(arguments: [
        (["CLOUDFLARE_API_TOKEN": "t", "CLOUDFLARE_EMAIL": "e@x", "CLOUDFLARE_API_KEY": "k"], "API token"),
        (["CLOUDFLARE_EMAIL": "e@x", "CLOUDFLARE_API_KEY": "k"], "global API key of e@x"),
    ])
    func environmentPicksExactlyOneScheme(environment: [String: String], expected: String) throws {
        let configuration = try CloudflareConfiguration.fromEnvironment(environment)
        #expect(configuration.credentials.description == expected)
        #expect(configuration.baseURL.absoluteString == CloudflareConfiguration.defaultBaseURL)
    }

    @Test func missingCredentialsExplainWhatToSet() {
        #expect {
            try CloudflareConfiguration.fromEnvironment(["CLOUDFLARE_EMAIL": "only@email"])
        } throws: { error in
            (error as? APIError)?.userMessage.contains("CLOUDFLARE_API_TOKEN") == true
        }
    }

    @Test(arguments: [
        ("http://127.0.0.1:8080/client/v4", true), ("http://localhost:9/x", true), ("http://[::1]:9/", true),
        ("https://api.cloudflare.com/client/v4", true), ("http://api.cloudflare.com/client/v4", false),
        ("http://10.0.0.1/client/v4", false), ("ftp://127.0.0.1/", false), ("not a url", false),
    ])
    func plainHTTPOnlyToLoopback(url: String, allowed: Bool) {
        let accepted = (try? BaseURL.validated(url)) != nil
        #expect(accepted == allowed)
    }

    @Test func environmentBaseURLAndOverride() throws {
        let environment = ["CLOUDFLARE_API_TOKEN": "t", "CLOUDFLARE_BASE_URL": "http://127.0.0.1:1/client/v4"]
        #expect(try CloudflareConfiguration.fromEnvironment(environment).baseURL.port == 1)
        let overridden = try CloudflareConfiguration.fromEnvironment(
            environment, baseURLOverride: "http://127.0.0.1:2/v4")
        #expect(overridden.baseURL.port == 2)
        #expect(throws: APIError.self) {
            try CloudflareConfiguration.fromEnvironment([
                "CLOUDFLARE_API_TOKEN": "t", "CLOUDFLARE_BASE_URL": "http://evil.test/",
            ])
        }
    }

    @Test func successFalseWithHTTP200IsAnError() async throws {
        let transport = FakeTransport()
        transport.respond(.get, "/user", status: 200, json: errorEnvelope(code: 1234, message: "Nope"))
        await #expect {
            try await makeClient(transport).user()
        } throws: { error in
            let error = try #require(error as? APIError)
            return error.status == 200 && error.providerMessages.first?.code == "1234"
        }
    }

    @Test(arguments: [(401, "Not signed in"), (403, "Access denied"), (404, "Not found"), (429, "Rate limited")])
    func errorStatusesBecomeUserMessages(status: Int, prefix: String) async throws {
        let transport = FakeTransport()
        transport.respond(
            .get, "/user", status: status, json: errorEnvelope(code: 9109, message: "Invalid access token"))
        await #expect {
            try await makeClient(transport).user()
        } throws: { error in
            let error = try #require(error as? APIError)
            return error.userMessage.hasPrefix(prefix) && error.userMessage.contains("Invalid access token")
                && error.providerMessages.first?.code == "9109"
        }
    }

    @Test(arguments: [#"{"success": tru"#, #"{"success":true,"result":{"id":"#, "<html>oops</html>"])
    func malformedJSONIsAClearError(body: String) async throws {
        let transport = FakeTransport()
        transport.respond(.get, "/user", json: body)
        await #expect {
            try await makeClient(transport).user()
        } throws: { error in
            (error as? APIError)?.kind == .malformedResponse
        }
    }

    @Test func rollSendsEmptyObjectAndReturnsTheBareStringSecret() async throws {
        let transport = FakeTransport()
        transport.respond(.put, "/accounts/acc1/tokens/t1/value", json: envelope(#""new-secret-value""#))
        let secret = try await makeClient(transport).rollToken(.account(id: "acc1"), id: "t1")
        #expect(secret.reveal() == "new-secret-value")
        #expect("\(secret)" == "<redacted>")
        let request = try #require(transport.requests.first)
        #expect(request.body.map { String(decoding: $0, as: UTF8.self) } == "{}")
        #expect(request.header("Content-Type") == "application/json")
    }

    @Test func inviteResponseBodyAndPath() async throws {
        let transport = FakeTransport()
        transport.respond(
            .patch, "/user/invites/inv%2F1",
            json: envelope(#"{"id":"inv/1","organization_id":"a","status":"rejected"}"#))
        let invite = try await makeClient(transport).respondToInvite(id: "inv/1", .reject)
        #expect(invite.status == .known(.rejected))
        let request = try #require(transport.requests.first)
        #expect(request.body.map { String(decoding: $0, as: UTF8.self) } == #"{"status":"rejected"}"#)
        #expect(request.url.absoluteString.hasSuffix("/user/invites/inv%2F1"))
    }

    @Test func queriesAreEncodedStrictly() async throws {
        let transport = FakeTransport()
        transport.respond(.get, "/accounts/acc1/logs/audit", json: envelope("[]"))
        let query = Cloudflare.AccountAuditLogQuery(
            since: "2024-01-01", before: "2024-02-01", productCategories: ["a", "b"],
            excluding: ["actor_email": ["x@y"], "raw_status_code": ["500", "502"]], limit: 10)
        _ = try await makeClient(transport).accountAuditLogs(accountID: "acc1", query).fetchAll()
        let url = try #require(transport.requests.first?.url.absoluteString)
        #expect(
            url.hasSuffix(
                "?since=2024-01-01&before=2024-02-01&product_category=a&product_category=b&actor_email.not=x%40y&raw_status_code.not=500&raw_status_code.not=502&limit=10"
            ))
    }

    @Test func deleteOfLegacyOrganizationReadsTheIdFromEitherPlace() async throws {
        let transport = FakeTransport()
        transport.respond(.delete, "/user/organizations/o1", json: envelope(#"{"id":"o1"}"#))
        #expect(try await makeClient(transport).leaveOrganization(id: "o1") == "o1")
    }
}

@Suite("Cloudflare error chains")
struct CloudflareErrorChainTests {
    @Test func theErrorChainNamesTheCause() async throws {
        let transport = FakeTransport()
        transport.respond(
            .get, "/accounts", status: 400,
            json: """
                {"success":false,"errors":[{"code":6008,"message":"Invalid request parameters",
                  "error_chain":[{"code":6009,"message":"per_page must be at most 50"}]}],"messages":[],"result":null}
                """)
        await #expect {
            try await makeClient(transport).accounts(.init(perPage: 500)).page(.page(1))
        } throws: { error in
            let error = try #require(error as? APIError)
            return error.providerMessages.map(\.code) == ["6008", "6009"]
                && error.userMessage
                    == "The server rejected the request: Invalid request parameters — per_page must be at most 50"
        }
    }
}
