import DemoServer
import Foundation
import Testing

/// The shared fault injector and request log on the OpenAI routes, and the control endpoints with an OpenAI key.
@Suite("DemoServer OpenAI faults and request log")
struct OpenAIDemoServerFaultTests {
    @Test(
        "an injected status answers in the OpenAI error shape",
        arguments: [
            (429, "requests", "rate_limit_exceeded"),
            (503, "server_error", nil),
            (500, "server_error", nil),
        ] as [(Int, String, String?)])
    func injectedStatus(status: Int, type: String, code: String?) async throws {
        try await OpenAIHTTP.withServer { server in
            server.faults.inject(.status(status, retryAfter: 2), method: "GET", path: "/v1/organization/users")
            let faulted = try await OpenAIHTTP.send("GET", "/organization/users", on: server)
            #expect(faulted.status == status)
            #expect(faulted.headers["retry-after"] == "2")
            #expect(faulted.error?["type"] as? String == type)
            #expect(faulted.error?["code"] as? String == code)
            #expect(faulted.object?["success"] == nil, "not the Cloudflare envelope")
            let next = try await OpenAIHTTP.send("GET", "/organization/users", on: server)
            #expect(next.status == 200, "the rule hit one request")
        }
    }

    @Test func patternsWithoutTheV1PrefixLeaveOpenAIAlone() async throws {
        try await OpenAIHTTP.withServer { server in
            server.faults.inject(.status(500), path: "/organization/users", times: nil)
            let untouched = try await OpenAIHTTP.send("GET", "/organization/users", on: server)
            #expect(untouched.status == 200)
            server.faults.clear()
            server.faults.inject(.status(500), path: "/v1/organization/users/*/roles", times: nil)
            let userID = server.openAI.demoUserID
            let hit = try await OpenAIHTTP.send("GET", "/organization/users/\(userID)/roles", on: server)
            #expect(hit.status == 500)
            let other = try await OpenAIHTTP.send("GET", "/organization/users/\(userID)", on: server)
            #expect(other.status == 200)
            server.faults.clear()
            server.faults.inject(.status(502), path: "/**", times: 2)
            let openAI = try await OpenAIHTTP.send("GET", "/organization/roles", on: server)
            let cloudflare = try await DemoServerTests.send("GET", "/user", on: server)
            #expect(openAI.status == 502, "`/**` hits OpenAI")
            #expect(cloudflare.status == 502, "and Cloudflare")
        }
    }

    @Test func malformedAndTruncatedBodiesUnderV1() async throws {
        try await OpenAIHTTP.withServer { server in
            server.faults.inject(.malformedJSON, path: "/v1/organization/roles")
            let malformed = try await OpenAIHTTP.send("GET", "/organization/roles", on: server)
            #expect(malformed.status == 200)
            #expect(malformed.object == nil)
            #expect(String(decoding: malformed.body, as: UTF8.self).hasPrefix(#"{"object": "list""#))

            server.faults.inject(.truncatedJSON, path: "/v1/organization/invites")
            let truncated = try await OpenAIHTTP.send("GET", "/organization/invites", on: server)
            #expect(truncated.status == 200)
            #expect(truncated.object == nil)
            #expect(!truncated.body.isEmpty)
        }
    }

    @Test func requestLogRecordsV1Calls() async throws {
        try await OpenAIHTTP.withServer { server in
            await server.requestLog.clear()
            server.faults.inject(.status(429, retryAfter: 1), method: "GET", path: "/v1/organization/users")
            _ = try await OpenAIHTTP.send("GET", "/organization/users?limit=3", on: server)
            _ = try await OpenAIHTTP.send("GET", "/organization/users?limit=3", on: server)
            _ = try await OpenAIHTTP.send("GET", "/organization/users", on: server, as: .missing)
            let log = await server.requestLog.entries()
            #expect(log.map(\.path) == Array(repeating: "/v1/organization/users", count: 3))
            #expect(log.map(\.status) == [429, 200, 401])
            #expect(log.map(\.fault) == ["status", nil, nil])
            #expect(log.first?.query == "limit=3")
        }
    }

    @Test func controlEndpointsAcceptTheOpenAIKey() async throws {
        try await OpenAIHTTP.withServer { server in
            let key = server.openAILoginKey
            let rule = #"{"method":"GET","path":"/v1/organization/users","kind":"status","status":429,"retryAfter":1}"#
            let added = try await DemoServerTests.send(
                "POST", "/__demo/faults", on: server, auth: .bearer(key), body: rule, prefix: false)
            #expect(added.status == 200)
            #expect(server.faults.rules.count == 1)
            let faulted = try await OpenAIHTTP.send("GET", "/organization/users", on: server)
            #expect(faulted.status == 429)

            let log = try await DemoServerTests.send(
                "GET", "/__demo/requests", on: server, auth: .bearer(key), prefix: false)
            let paths = (log.resultArray ?? []).compactMap { $0["path"] as? String }
            #expect(paths.contains("/v1/organization/users"))

            let wrong = try await DemoServerTests.send(
                "GET", "/__demo/faults", on: server, auth: .bearer("sk-admin-not-a-key-at-all"), prefix: false)
            #expect(wrong.status == 403, "an unknown key is refused like any unknown token")
            let cloudflare = try await DemoServerTests.send("GET", "/__demo/faults", on: server, prefix: false)
            #expect(cloudflare.status == 200, "the Cloudflare token still works")
        }
    }

    @Test func resetUnderV1DropsTheConnectionAfterTheWrite() async throws {
        try await OpenAIHTTP.withServer { server in
            server.faults.inject(.reset(afterHandling: true), method: "POST", path: "/v1/organization/admin_api_keys")
            let before = await server.openAI.adminKeyIDs().count
            await #expect(throws: (any Error).self) {
                _ = try await OpenAIHTTP.send(
                    "POST", "/organization/admin_api_keys", on: server, body: #"{"name":"never seen"}"#)
            }
            #expect(await server.openAI.adminKeyIDs().count == before + 1, "the key was created all the same")
            let log = await server.requestLog.entries().filter { $0.path == "/v1/organization/admin_api_keys" }
            #expect(log.map(\.status) == [0])
            #expect(log.map(\.fault) == ["reset"])
        }
    }
}
