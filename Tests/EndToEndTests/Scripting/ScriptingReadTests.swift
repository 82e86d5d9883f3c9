import Foundation
import Testing

/// `orgtui <noun> list|get` against the demo server: JSON field by field, JSON lines over paged lists, sanitized
/// tables, and the usage exit code.
@Suite("Scripting CLI: reads")
struct ScriptingReadTests {
    static let escape = "\u{1B}"

    @Test("accounts list --json: the documented fields, the provider's object under raw, hostile names escaped")
    func accountsJSON() async throws {
        try await withCLIWorld { world in
            let result = try await world.run(["accounts", "list", "--json"])
            #expect(result.status == 0, "\(result.stderr)")
            let records = try #require(try result.json() as? [[String: Any]])
            let acme = try #require(records.first { $0["name"] as? String == "Acme Corp" })
            #expect(acme["kind"] as? String == "enterprise")
            #expect(acme["scope_kind"] as? String == "account")
            #expect(acme["provider"] as? String == "cloudflare")
            #expect(acme["enforces_two_factor"] as? Bool == true)
            let raw = try #require(acme["raw"] as? [String: Any])
            #expect(raw["id"] as? String == acme["id"] as? String)
            #expect(raw["type"] as? String == "enterprise")
            // The hostile names arrive intact once decoded, and no raw ESC byte is ever printed.
            #expect(records.contains { ($0["name"] as? String)?.contains("\(Self.escape)[2J") == true })
            #expect(!result.stdout.contains(Self.escape))
            #expect(result.stdout.contains("\\u001b[2J"))
        }
    }

    @Test("accounts list as a table: the console's sanitizer shows control characters as symbols")
    func accountsTable() async throws {
        try await withCLIWorld { world in
            let result = try await world.run(["accounts", "list"])
            #expect(result.status == 0)
            #expect(result.lines.first?.hasPrefix("ID") == true)
            #expect(result.stdout.contains("Acme Corp"))
            #expect(!result.stdout.contains(Self.escape))
            #expect(!result.stdout.contains("\u{202E}"))
            #expect(result.stdout.contains("␛[2J"))
        }
    }

    @Test("members list --all --jsonl: one line per member over every page; without --all the first page and a hint")
    func membersJSONLines() async throws {
        try await withCLIWorld(members: 600) { world in
            let acme = try await Self.accountID(named: "Acme Corp", in: world)
            let all = try await world.run(["members", "list", "--account", acme, "--all", "--jsonl"])
            #expect(all.status == 0, "\(all.stderr)")
            #expect(all.lines.count == 600)
            let first = try #require(
                try JSONSerialization.jsonObject(with: Data(all.lines[0].utf8)) as? [String: Any])
            for field in [
                "id", "email", "name", "status", "roles", "role_ids", "two_factor", "scope", "provider", "raw",
            ] {
                #expect(first.keys.contains(field), "field \(field)")
            }
            #expect(first["scope"] as? String == acme)
            #expect((first["raw"] as? [String: Any])?["id"] as? String == first["id"] as? String)
            let ids = Set(
                all.lines.compactMap { line in
                    (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
                })
            #expect(ids.count == 600)
            let page = try await world.run(["members", "list", "--account", acme, "--jsonl"])
            #expect(page.status == 0)
            #expect(page.lines.count > 0 && page.lines.count < 600)
            #expect(page.stderr.contains("--all"))
        }
    }

    @Test("invites list --json and --jsonl agree; each invitation's fields are there")
    func invitations() async throws {
        try await withCLIWorld { world in
            let json = try await world.run(["invites", "list", "--json"])
            let lines = try await world.run(["invites", "list", "--jsonl"])
            let records = try #require(try json.json() as? [[String: Any]])
            #expect(records.count == lines.lines.count)
            #expect(records.count >= 3)
            let pending = try #require(records.first { $0["status"] as? String == "pending" })
            #expect(pending["direction"] as? String == "received")
            #expect(pending["account_id"] as? String != nil)
            #expect(pending["roles"] as? [String] != nil)
        }
    }

    @Test("every provider lists accounts, members and tokens; Keycard's service accounts and credentials by scope")
    func everyProvider() async throws {
        try await withCLIWorld { world in
            let projects = try #require(
                try await world.run(["accounts", "list", "--json"], provider: "openai").json() as? [[String: Any]])
            #expect(projects.contains { $0["kind"] as? String == "project" })
            let users = try await world.run(["members", "list", "--all", "--jsonl"], provider: "openai")
            #expect(users.lines.count == 250)
            let roles = try #require(
                try await world.run(["roles", "--json"], provider: "openai").json() as? [[String: Any]])
            #expect(roles.contains { $0["name"] as? String == "Usage Analyst" })

            let organizations = try #require(
                try await world.run(["accounts", "list", "--json"], provider: "keycard").json() as? [[String: Any]])
            let acme = try #require(organizations.first { $0["name"] as? String == "Acme Robotics" }?["id"] as? String)
            let accounts = try #require(
                try await world.run(["service-accounts", "--account", acme, "--json"], provider: "keycard").json()
                    as? [[String: Any]])
            let deploy = try #require(accounts.first { $0["name"] as? String == "ci-deploy" }?["id"] as? String)
            let credentials = try #require(
                try await world.run(
                    ["credentials", "--account", acme, "--service-account", deploy, "--json"], provider: "keycard"
                ).json() as? [[String: Any]])
            #expect(!credentials.isEmpty)
            #expect(credentials.allSatisfy { $0["kind"] as? String == "credential" })
            let identities = try await world.run(["identities", "--account", acme, "--jsonl"], provider: "keycard")
            #expect(identities.status == 0)
            #expect(identities.lines.count >= 120)
        }
    }

    @Test("tokens get reads the token fresh; user get, audit list, billing, subscriptions and orgs print")
    func singlesAndRecords() async throws {
        try await withCLIWorld { world in
            let tokens = try #require(try await world.run(["tokens", "list", "--json"]).json() as? [[String: Any]])
            let deploy = try #require(tokens.first { $0["name"] as? String == "ci-deploy" }?["id"] as? String)
            await world.server.requestLog.clear()
            let one = try #require(try await world.run(["tokens", "get", deploy, "--json"]).json() as? [String: Any])
            #expect(one["id"] as? String == deploy)
            #expect(
                await world.server.requestLog.entries().contains {
                    $0.method == "GET" && $0.path.hasSuffix("/user/tokens/\(deploy)")
                })
            let user = try #require(try await world.run(["user", "get", "--json"]).json() as? [String: Any])
            #expect(user["email"] as? String == world.server.userEmail)
            let audit = try await world.run(["audit", "list", "--actor", "alex", "--jsonl"])
            #expect(audit.status == 0)
            #expect(!audit.lines.isEmpty)
            #expect(audit.lines.allSatisfy { $0.contains("alex") })
            for command in [["billing"], ["subscriptions"], ["orgs"]] {
                let result = try await world.run(command + ["--json"])
                #expect(result.status == 0, "\(command): \(result.stderr)")
                #expect(!(try #require(try result.json() as? [[String: Any]])).isEmpty, "\(command)")
            }
        }
    }

    @Test("usage errors exit 2: an unknown account, --json with --jsonl, a missing argument, no credentials")
    func usageErrors() async throws {
        try await withCLIWorld { world in
            let unknown = try await world.run(["members", "list", "--account", "nope"])
            #expect(unknown.status == 2)
            #expect(unknown.stderr.contains("nope"))
            #expect(try await world.run(["accounts", "list", "--json", "--jsonl"]).status == 2)
            #expect(try await world.run(["tokens", "roll"]).status == 2)
            let bare = try await world.run(
                ["accounts", "list"], extra: ["CLOUDFLARE_API_TOKEN": "", "CLOUDFLARE_BASE_URL": ""])
            #expect(bare.status == 2)
        }
    }

    static func accountID(named name: String, in world: CLIWorld) async throws -> String {
        let records = try #require(try await world.run(["accounts", "list", "--json"]).json() as? [[String: Any]])
        return try #require(records.first { $0["name"] as? String == name }?["id"] as? String)
    }
}
