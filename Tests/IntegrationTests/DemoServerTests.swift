import DemoServer
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Raw HTTP checks of the demo server: envelope, paging, auth errors, roll, invites, faults.
@Suite("DemoServer over loopback HTTP")
struct DemoServerTests {
    /// A response as the wire delivered it.
    struct Raw {
        var status: Int
        var headers: [String: String]
        var body: Data

        var object: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
        var result: Any? { object?["result"] }
        var resultObject: [String: Any]? { result as? [String: Any] }
        var resultArray: [[String: Any]]? { result as? [[String: Any]] }
        var resultInfo: [String: Any]? { object?["result_info"] as? [String: Any] }
        var errorCodes: [Int] { (object?["errors"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? Int } }
    }

    enum Auth {
        case bearer(String)
        case header(String)
        case globalKey(key: String, email: String)
        case none
    }

    static func session() -> URLSession {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 30
        configuration.urlCache = nil
        return URLSession(configuration: configuration)
    }

    static func send(
        _ method: String, _ path: String, on server: DemoServer, auth: Auth? = nil, body: String? = nil,
        prefix: Bool = true
    ) async throws -> Raw {
        let base = prefix ? server.cloudflareBaseURL.absoluteString : server.baseURL.absoluteString
        let url = try #require(URL(string: base + path))
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        switch auth ?? .bearer(server.loginToken) {
        case .bearer(let token): request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        case .header(let value): request.setValue(value, forHTTPHeaderField: "Authorization")
        case .globalKey(let key, let email):
            request.setValue(key, forHTTPHeaderField: "X-Auth-Key")
            request.setValue(email, forHTTPHeaderField: "X-Auth-Email")
        case .none: break
        }
        if let body { request.httpBody = Data(body.utf8) }
        let session = session()
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return Raw(status: http.statusCode, headers: headers, body: data)
    }

    /// Runs `body` against a fresh server and always stops it afterwards.
    static func withServer(
        members: Int = 120, _ body: (DemoServer) async throws -> Void
    ) async throws {
        let server = try await DemoServer.start(DemoServerConfiguration(members: members))
        do {
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    @Test func userComesInTheEnvelope() async throws {
        try await Self.withServer { server in
            let raw = try await Self.send("GET", "/user", on: server)
            #expect(raw.status == 200)
            #expect(raw.object?["success"] as? Bool == true)
            #expect((raw.object?["errors"] as? [Any])?.isEmpty == true)
            #expect((raw.object?["messages"] as? [Any])?.isEmpty == true)
            #expect(raw.resultObject?["email"] as? String == "alex.morgan@example.com")
            #expect(raw.resultObject?["two_factor_authentication_enabled"] as? Bool == true)
            #expect(raw.object?["result_info"] == nil)
        }
    }

    @Test func pagesEndWithAnEmptyPage() async throws {
        try await Self.withServer(members: 123) { server in
            let accountID = server.store.bigAccountID
            let third = try await Self.send("GET", "/accounts/\(accountID)/members?page=3&per_page=50", on: server)
            #expect(third.resultArray?.count == 23)
            #expect(third.resultInfo?["total_count"] as? Int == 123)
            #expect(third.resultInfo?["total_pages"] as? Int == 3)
            let past = try await Self.send("GET", "/accounts/\(accountID)/members?page=4&per_page=50", on: server)
            #expect(past.status == 200)
            #expect(past.resultArray?.isEmpty == true)
            #expect(past.resultInfo?["page"] as? Int == 4)
            #expect(past.resultInfo?["count"] as? Int == 0)
            #expect(past.resultInfo?["total_count"] as? Int == 123)

            var seen: [String] = []
            for page in 1... {
                let raw = try await Self.send("GET", "/accounts?page=\(page)&per_page=5", on: server)
                let items = try #require(raw.resultArray)
                if items.isEmpty { break }
                seen += items.compactMap { $0["id"] as? String }
            }
            #expect(seen == (await server.store.visibleAccountIDs()))
            #expect(seen.count >= 5)

            let tooLarge = try await Self.send("GET", "/accounts?per_page=51", on: server)
            #expect(tooLarge.status == 400)
            #expect(tooLarge.errorCodes == [6008])
        }
    }

    @Test func memberFiltersAndOrder() async throws {
        try await Self.withServer(members: 300) { server in
            let id = server.store.bigAccountID
            let pending = try await Self.send("GET", "/accounts/\(id)/members?status=pending&per_page=50", on: server)
            let expected = await server.store.memberCount(accountID: id, status: .pending)
            #expect(pending.resultInfo?["total_count"] as? Int == expected)
            #expect(pending.resultArray?.allSatisfy { $0["status"] as? String == "pending" } == true)
            let ordered = try await Self.send(
                "GET", "/accounts/\(id)/members?order=user.email&direction=desc&per_page=5", on: server)
            let emails = (ordered.resultArray ?? []).compactMap { ($0["user"] as? [String: Any])?["email"] as? String }
            #expect(emails == emails.sorted { $0.lowercased() > $1.lowercased() })
        }
    }

    @Test func authenticationErrors() async throws {
        try await Self.withServer { server in
            let none = try await Self.send("GET", "/user", on: server, auth: Auth.none)
            #expect(none.status == 400)
            #expect(none.errorCodes == [9106])
            let malformed = try await Self.send("GET", "/user", on: server, auth: .header("Token abc"))
            #expect(malformed.status == 400)
            #expect(malformed.errorCodes == [6003])
            let unknown = try await Self.send("GET", "/user", on: server, auth: .bearer("x" + server.loginToken))
            #expect(unknown.status == 403)
            #expect(unknown.errorCodes == [9109])
            let verify = try await Self.send("GET", "/user/tokens/verify", on: server, auth: .bearer("nope"))
            #expect(verify.status == 401)
            #expect(verify.errorCodes == [1000])
            let key = try await Self.send(
                "GET", "/user", on: server, auth: .globalKey(key: server.globalAPIKey, email: server.userEmail))
            #expect(key.status == 200)
            let badKey = try await Self.send(
                "GET", "/user", on: server, auth: .globalKey(key: "k", email: server.userEmail))
            #expect(badKey.status == 403)
            let verified = try await Self.send("GET", "/user/tokens/verify", on: server)
            #expect(verified.resultObject?["id"] as? String == server.loginTokenID)
            #expect(verified.resultObject?["status"] as? String == "active")
        }
    }

    @Test func unknownRoutesAndBadBodies() async throws {
        try await Self.withServer { server in
            let route = try await Self.send("GET", "/accounts/0123/members", on: server)
            #expect(route.status == 404)
            #expect(route.errorCodes == [7003, 7000])
            let nowhere = try await Self.send("GET", "/no/such/thing", on: server)
            #expect(nowhere.errorCodes == [7003, 7000])
            let notJSON = try await Self.send("PATCH", "/user", on: server, body: "first_name=x")
            #expect(notJSON.status == 400)
            #expect(notJSON.errorCodes == [6007])
            let missing = try await Self.send("POST", "/user/tokens", on: server, body: #"{"name":"x","extra":1}"#)
            #expect(missing.status == 400)
            #expect(missing.errorCodes == [1001])
        }
    }

    @Test func rollReplacesTheSecretAtOnce() async throws {
        try await Self.withServer { server in
            let old = server.loginToken
            let roll = try await Self.send("PUT", "/user/tokens/\(server.loginTokenID)/value", on: server, body: "{}")
            #expect(roll.status == 200)
            let secret = try #require(roll.result as? String)
            #expect(secret.count == 40)
            #expect(secret != old)
            #expect(server.loginToken == secret)
            #expect(await server.store.secret(ofTokenID: server.loginTokenID) == secret)
            let rejected = try await Self.send("GET", "/user", on: server, auth: .bearer(old))
            #expect(rejected.status == 403)
            #expect(rejected.errorCodes == [9109])
            let accepted = try await Self.send("GET", "/user", on: server, auth: .bearer(secret))
            #expect(accepted.status == 200)

            let tokens = await server.store.tokens(of: .account(server.store.bigAccountID))
            let tokenID = try #require(tokens.first?.id)
            let accountRoll = try await Self.send(
                "PUT", "/accounts/\(server.store.bigAccountID)/tokens/\(tokenID)/value", on: server)
            let accountSecret = try #require(accountRoll.result as? String)
            #expect(await server.store.secret(ofTokenID: tokenID) == accountSecret)
            let verify = try await Self.send(
                "GET", "/accounts/\(server.store.bigAccountID)/tokens/verify", on: server, auth: .bearer(accountSecret))
            #expect(verify.resultObject?["id"] as? String == tokenID)
        }
    }

    @Test func tokenCreateUpdateDelete() async throws {
        try await Self.withServer { server in
            let groups = try await Self.send("GET", "/user/tokens/permission_groups?name=dns", on: server)
            let group = try #require(groups.resultArray?.first?["id"] as? String)
            let body = """
                {"name":"new","policies":[{"effect":"allow","permission_groups":[{"id":"\(group)"}],
                "resources":{"com.cloudflare.api.account.\(server.store.bigAccountID)":{"com.cloudflare.api.account.zone.*":"*"}}}]}
                """
            let created = try await Self.send("POST", "/user/tokens", on: server, body: body)
            #expect(created.status == 200)
            let id = try #require(created.resultObject?["id"] as? String)
            let value = try #require(created.resultObject?["value"] as? String)
            #expect(await server.store.secret(ofTokenID: id) == value)
            let disable = body.replacingOccurrences(
                of: #"{"name":"new","#, with: #"{"name":"new","status":"disabled","#)
            let updated = try await Self.send("PUT", "/user/tokens/\(id)", on: server, body: disable)
            #expect(updated.resultObject?["status"] as? String == "disabled")
            let refused = try await Self.send("GET", "/user", on: server, auth: .bearer(value))
            #expect(refused.status == 403)
            let deleted = try await Self.send("DELETE", "/user/tokens/\(id)", on: server)
            #expect(deleted.resultObject?["id"] as? String == id)
            let gone = try await Self.send("GET", "/user/tokens/\(id)", on: server)
            #expect(gone.status == 404)
        }
    }

    @Test func acceptingAnInviteAddsTheAccount() async throws {
        try await Self.withServer { server in
            let invites = try #require(try await Self.send("GET", "/user/invites", on: server).resultArray)
            let statuses = Set(invites.compactMap { $0["status"] as? String })
            #expect(statuses.isSuperset(of: ["pending", "expired", "accepted"]))
            let pending = try #require(invites.first { $0["status"] as? String == "pending" })
            let inviteID = try #require(pending["id"] as? String)
            let accountID = try #require(pending["organization_id"] as? String)
            #expect(!(await server.store.visibleAccountIDs()).contains(accountID))
            let notYet = try await Self.send("GET", "/accounts/\(accountID)", on: server)
            #expect(notYet.status == 404)

            let accepted = try await Self.send(
                "PATCH", "/user/invites/\(inviteID)", on: server, body: #"{"status":"accepted"}"#)
            #expect(accepted.resultObject?["status"] as? String == "accepted")
            #expect(await server.store.inviteStatus(id: inviteID) == .accepted)
            let account = try await Self.send("GET", "/accounts/\(accountID)", on: server)
            #expect(account.status == 200)
            let organizations = try await Self.send("GET", "/user/organizations", on: server)
            #expect(
                organizations.resultArray?.contains {
                    $0["id"] as? String == accountID && $0["status"] as? String == "member"
                } == true)
            let again = try await Self.send(
                "PATCH", "/user/invites/\(inviteID)", on: server, body: #"{"status":"rejected"}"#)
            #expect(again.status == 400)
            let expired = try #require(invites.first { $0["status"] as? String == "expired" }?["id"] as? String)
            let late = try await Self.send(
                "PATCH", "/user/invites/\(expired)", on: server, body: #"{"status":"accepted"}"#)
            #expect(late.status == 400)
            let noStatus = try await Self.send("PATCH", "/user/invites/\(inviteID)", on: server, body: "{}")
            #expect(noStatus.status == 400)
        }
    }

    @Test func auditLogCursorsRunOut() async throws {
        try await Self.withServer { server in
            let id = server.store.bigAccountID
            let missing = try await Self.send("GET", "/accounts/\(id)/logs/audit?since=2020-01-01", on: server)
            #expect(missing.status == 400)
            var cursor: String?
            var total = 0
            var pages = 0
            repeat {
                var path = "/accounts/\(id)/logs/audit?since=2000-01-01&before=2100-01-01&limit=100"
                if let cursor { path += "&cursor=\(cursor)" }
                let raw = try await Self.send("GET", path, on: server)
                total += raw.resultArray?.count ?? 0
                cursor = (raw.resultInfo?["cursors"] as? [String: Any])?["after"] as? String
                pages += 1
            } while cursor != nil && pages < 10
            #expect(total == 250)
            #expect(pages == 3)
        }
    }

    @Test func faultRules() async throws {
        try await Self.withServer { server in
            server.faults.inject(.status(503), method: "GET", path: "/user", times: 1)
            let failed = try await Self.send("GET", "/user", on: server)
            #expect(failed.status == 503)
            #expect(failed.object?["success"] as? Bool == false)
            let recovered = try await Self.send("GET", "/user", on: server)
            #expect(recovered.status == 200)

            let rule =
                #"{"method":"GET","path":"/accounts/*/members","kind":"status","status":429,"retryAfter":1,"times":1}"#
            let added = try await Self.send("POST", "/__demo/faults", on: server, body: rule, prefix: false)
            #expect(added.status == 200)
            let limited = try await Self.send("GET", "/accounts/\(server.store.bigAccountID)/members", on: server)
            #expect(limited.status == 429)
            #expect(limited.headers["retry-after"] == "1")
            #expect(limited.errorCodes == [971])

            server.faults.inject(.malformedJSON, path: "/user")
            let malformed = try await Self.send("GET", "/user", on: server)
            #expect(malformed.status == 200)
            #expect(malformed.object == nil)

            server.faults.inject(.truncatedJSON, path: "/accounts")
            let truncated = try await Self.send("GET", "/accounts", on: server)
            #expect(truncated.status == 200)
            #expect(truncated.object == nil)
            #expect(!truncated.body.isEmpty)

            let before = await server.store.tokens(of: .user).first { $0.id == server.loginTokenID }?.modifiedOn
            server.faults.inject(.reset(), method: "PUT", path: "/user/tokens/*/value")
            await #expect(throws: (any Error).self) {
                _ = try await Self.send("PUT", "/user/tokens/\(server.loginTokenID)/value", on: server, body: "{}")
            }
            #expect(await server.store.secret(ofTokenID: server.loginTokenID) == server.loginToken)
            _ = before

            let log = await server.requestLog.entries()
            #expect(log.filter { $0.path.hasSuffix("/value") && $0.method == "PUT" }.count == 1)
            #expect(log.contains { $0.fault == "reset" && $0.status == 0 })
            #expect(!log.contains { $0.path.hasPrefix("/__demo") })
            let cleared = try await Self.send("DELETE", "/__demo/faults", on: server, prefix: false)
            #expect(cleared.status == 200)
            #expect(server.faults.rules.isEmpty)
        }
    }

    @Test func seededDataIsDeterministic() async throws {
        try await Self.withServer(members: 50) { first in
            try await Self.withServer(members: 50) { second in
                #expect(first.store.bigAccountID == second.store.bigAccountID)
                #expect(first.loginTokenID == second.loginTokenID)
                let path = "/accounts/\(first.store.bigAccountID)/members?per_page=20"
                let a = try await Self.send("GET", path, on: first)
                let b = try await Self.send("GET", path, on: second)
                #expect(a.body == b.body)
                #expect(first.loginToken != second.loginToken)
            }
        }
    }

    @Test func stopClosesThePort() async throws {
        let server = try await DemoServer.start(DemoServerConfiguration(members: 10))
        let before = try await Self.send("GET", "/user", on: server)
        #expect(before.status == 200)
        await server.stop()
        await #expect(throws: (any Error).self) {
            _ = try await Self.send("GET", "/user", on: server)
        }
    }

    @Test func bigAccountIsClampedAndPaged() async throws {
        try await Self.withServer(members: 100_001) { server in
            let id = server.store.bigAccountID
            #expect(await server.store.memberCount(accountID: id) == DemoServerConfiguration.maximumMembers)
            let lastPage = try await Self.send(
                "GET", "/accounts/\(id)/members?per_page=50&page=2000", on: server)
            #expect(lastPage.resultArray?.count == 50)
            #expect(lastPage.resultInfo?["total_pages"] as? Int == 2000)
        }
    }
}
