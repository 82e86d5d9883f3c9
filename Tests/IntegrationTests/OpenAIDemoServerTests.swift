import DemoServer
import Foundation
import Testing

/// Raw HTTP checks of the DemoServer's OpenAI Admin API: list envelopes and cursors, limits, errors, auth.
@Suite("DemoServer OpenAI API over loopback HTTP")
struct OpenAIDemoServerTests {
    @Test func usersPageWithLastIDUntilHasMoreIsFalse() async throws {
        try await OpenAIHTTP.withServer(users: 45) { server in
            let first = try await OpenAIHTTP.send("GET", "/organization/users?limit=20", on: server)
            #expect(first.status == 200)
            #expect(first.object?["object"] as? String == "list")
            #expect(first.object?["has_more"] as? Bool == true)
            let ids = first.ids
            #expect(ids.count == 20)
            #expect(first.object?["first_id"] as? String == ids.first)
            #expect(first.object?["last_id"] as? String == ids.last)
            #expect(first.data?.allSatisfy { $0["object"] as? String == "organization.user" } == true)

            var seen = ids
            var after = first.object?["last_id"] as? String
            var pages = 1
            while let cursor = after {
                let page = try await OpenAIHTTP.send("GET", "/organization/users?limit=20&after=\(cursor)", on: server)
                seen += page.ids
                pages += 1
                after = page.object?["has_more"] as? Bool == true ? page.object?["last_id"] as? String : nil
            }
            #expect(pages == 3)
            #expect(seen == (await server.openAI.userIDs()))
            #expect(seen.count == 45)
        }
    }

    @Test func defaultLimitIsTwentyAndEmailsFilter() async throws {
        try await OpenAIHTTP.withServer(users: 45) { server in
            let page = try await OpenAIHTTP.send("GET", "/organization/users", on: server)
            #expect(page.ids.count == 20)
            let filtered = try await OpenAIHTTP.send(
                "GET", "/organization/users?emails%5B%5D=ALEX.MORGAN%40example.com&emails%5B%5D=nobody%40x.example",
                on: server)
            #expect(filtered.ids == [server.openAI.demoUserID], "emails[] matches case-insensitively")
            #expect(filtered.object?["has_more"] as? Bool == false)
        }
    }

    @Test func rolesUseNextCursorPages() async throws {
        try await OpenAIHTTP.withServer { server in
            var seen: [String] = []
            var after: String?
            repeat {
                let query = "/organization/roles?limit=3" + (after.map { "&after=\($0)" } ?? "")
                let page = try await OpenAIHTTP.send("GET", query, on: server)
                seen += page.ids
                let hasMore = page.object?["has_more"] as? Bool == true
                after = hasMore ? page.object?["next"] as? String : nil
                #expect(hasMore == (page.object?["next"] as? String != nil), "next is given exactly while has_more")
            } while after != nil
            #expect(seen == (await server.openAI.catalogueRoles().map(\.id)))
            let all = try await OpenAIHTTP.send("GET", "/organization/roles", on: server)
            #expect(all.ids.count == seen.count, "the role list defaults to 1000 items")
        }
    }

    @Test func adminKeysPageWithTheLastItemInEitherOrder() async throws {
        try await OpenAIHTTP.withServer { server in
            let expected = await server.openAI.adminKeyIDs()
            for order in ["asc", "desc"] {
                var seen: [String] = []
                var after: String?
                repeat {
                    let page = try await OpenAIHTTP.send(
                        "GET",
                        "/organization/admin_api_keys?limit=2&order=\(order)" + (after.map { "&after=\($0)" } ?? ""),
                        on: server)
                    seen += page.ids
                    after = page.object?["has_more"] as? Bool == true ? page.ids.last : nil
                } while after != nil
                #expect(seen == (order == "asc" ? expected : expected.reversed()), "order=\(order)")
            }
        }
    }

    @Test(
        "a limit outside its range is a 400 naming the parameter",
        arguments: [
            ("/organization/users?limit=0", "integer_below_min_value"),
            ("/organization/users?limit=101", "integer_above_max_value"),
            ("/organization/invites?limit=many", "invalid_type"),
            ("/organization/roles?limit=1001", "integer_above_max_value"),
            ("/organization/admin_api_keys?order=sideways", "invalid_value"),
        ])
    func badLimit(path: String, code: String) async throws {
        try await OpenAIHTTP.withServer { server in
            let raw = try await OpenAIHTTP.send("GET", path, on: server)
            #expect(raw.status == 400)
            #expect(raw.error?["type"] as? String == "invalid_request_error")
            #expect(raw.error?["code"] as? String == code)
            #expect(["limit", "order"].contains(raw.error?["param"] as? String ?? ""))
        }
    }

    @Test func largestLimitsAreAccepted() async throws {
        try await OpenAIHTTP.withServer(users: 150) { server in
            let users = try await OpenAIHTTP.send("GET", "/organization/users?limit=100", on: server)
            #expect(users.ids.count == 100)
            let roles = try await OpenAIHTTP.send("GET", "/organization/roles?limit=1000", on: server)
            #expect(roles.status == 200)
        }
    }

    @Test func errorsHaveTheOpenAIShape() async throws {
        try await OpenAIHTTP.withServer { server in
            let unknownUser = try await OpenAIHTTP.send("GET", "/organization/users/user-nobody", on: server)
            #expect(unknownUser.status == 404)
            #expect(Set(unknownUser.error?.keys.map { $0 } ?? []) == ["message", "type", "param", "code"])
            #expect((unknownUser.error?["message"] as? String)?.contains("user-nobody") == true)

            let unknownRoute = try await OpenAIHTTP.send("GET", "/organization/nothing-here", on: server)
            #expect(unknownRoute.status == 404)
            #expect(unknownRoute.error?["message"] as? String == "Invalid URL (GET /v1/organization/nothing-here)")

            let notJSON = try await OpenAIHTTP.send("POST", "/organization/invites", on: server, body: "{")
            #expect(notJSON.status == 400)
            #expect(notJSON.error?["type"] as? String == "invalid_request_error")

            let badRole = try await OpenAIHTTP.send(
                "POST", "/organization/invites", on: server, body: #"{"email":"a@b.example","role":"admin"}"#)
            #expect(badRole.status == 400)
            #expect(badRole.error?["param"] as? String == "role")

            let missingField = try await OpenAIHTTP.send("POST", "/organization/admin_api_keys", on: server, body: "{}")
            #expect(missingField.status == 400)
            #expect((missingField.error?["message"] as? String)?.contains("name") == true)
        }
    }

    @Test func authNeedsALiveAdminKey() async throws {
        try await OpenAIHTTP.withServer { server in
            let none = try await OpenAIHTTP.send("GET", "/organization/users", on: server, as: .missing)
            #expect(none.status == 401)
            #expect((none.error?["message"] as? String)?.hasPrefix("You didn't provide an API key") == true)

            let wrong = try await OpenAIHTTP.send(
                "GET", "/organization/users", on: server, as: .key("sk-admin-nope-nope-nope"))
            #expect(wrong.status == 401)
            #expect(wrong.error?["code"] as? String == "invalid_api_key")
            #expect((wrong.error?["message"] as? String)?.contains("sk-admin-nope-nope-nope") == false, "never echoed")

            let login = try await OpenAIHTTP.send(
                "GET", "/organization/users", on: server, as: .key(server.loginToken))
            #expect(login.status == 200, "the banner's one login credential works for every provider")

            let created = try await OpenAIHTTP.send(
                "POST", "/organization/admin_api_keys", on: server, body: #"{"name":"short-lived"}"#)
            let value = try #require(created.object?["value"] as? String)
            let id = try #require(created.object?["id"] as? String)
            let withNew = try await OpenAIHTTP.send(
                "GET", "/organization/admin_api_keys/\(id)", on: server, as: .key(value))
            #expect(withNew.status == 200)
            #expect(withNew.object?["value"] == nil, "the secret is shown only on create")
            #expect(withNew.object?["last_used_at"] as? Int != nil, "using a key marks it used")

            let deleted = try await OpenAIHTTP.send("DELETE", "/organization/admin_api_keys/\(id)", on: server)
            #expect(deleted.object?["object"] as? String == "organization.admin_api_key.deleted")
            let afterDelete = try await OpenAIHTTP.send("GET", "/organization/users", on: server, as: .key(value))
            #expect(afterDelete.status == 401)
        }
    }

    @Test func tokenOptionIsTheCredentialOfBothAPIs() async throws {
        let configuration = DemoServerConfiguration(token: "demo-token-for-every-provider", openAIUsers: 10)
        try await OpenAIHTTP.withServer(configuration) { server in
            #expect(server.openAILoginKey == "demo-token-for-every-provider")
            let openAI = try await OpenAIHTTP.send("GET", "/organization/users", on: server)
            #expect(openAI.status == 200)
            let login = try await OpenAIHTTP.send(
                "GET", "/organization/admin_api_keys/\(server.openAI.loginKeyID)", on: server)
            #expect(login.object?["redacted_value"] as? String == "de…ider", "prefix and last four around …")
            #expect(login.object?["name"] as? String == "orgtui demo (this session)")
            let cloudflare = try await DemoServerTests.send(
                "GET", "/user", on: server, auth: .bearer(server.loginToken))
            #expect(cloudflare.status == 200)
        }
    }

    @Test func theSameSeedSeedsTheSameOrganization() async throws {
        let first = try await OpenAIHTTP.withServer(DemoServerConfiguration(seed: 7, openAIUsers: 30)) { server in
            (await server.openAI.userIDs(), await server.openAI.projectIDs(), server.openAI.organizationID)
        }
        let again = try await OpenAIHTTP.withServer(DemoServerConfiguration(seed: 7, openAIUsers: 30)) { server in
            (await server.openAI.userIDs(), await server.openAI.projectIDs(), server.openAI.organizationID)
        }
        let other = try await OpenAIHTTP.withServer(DemoServerConfiguration(seed: 8, openAIUsers: 30)) { server in
            await server.openAI.userIDs()
        }
        #expect(first.0 == again.0)
        #expect(first.1 == again.1)
        #expect(first.2 == again.2)
        #expect(first.0 != other)
    }
}
