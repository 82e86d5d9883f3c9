import DemoServer
import Foundation
import Testing

/// The endpoints the console and the CLI reach since the catalogue grew: Keycard organizations (create, rename,
/// details, token exchange), membership status, identities, service accounts and credentials; an OpenAI invitation
/// sent from a project.
@Suite("Scripting CLI: Keycard and OpenAI writes")
struct ScriptingProviderWriteTests {
    @Test(
        "Keycard organizations: create prints the new one, update renames it, get reads it fresh, token prints an access token alone"
    )
    func organizations() async throws {
        try await withCLIWorld { world in
            let created = try await world.run(
                ["accounts", "create", "Research Lab", "--yes", "--json"], provider: "keycard")
            #expect(created.status == 0, "\(created.stderr)")
            let record = try #require(try created.json() as? [String: Any])
            let id = try #require(record["id"] as? String)
            #expect(record["kind"] as? String == "organization")
            let renamed = try await world.run(
                ["accounts", "update", id, "--name", "Research Lab II", "--yes"], provider: "keycard")
            #expect(renamed.status == 0, "\(renamed.stderr)")
            let details = try #require(
                try await world.run(["accounts", "get", id, "--json"], provider: "keycard").json() as? [String: Any])
            #expect(details["name"] as? String == "Research Lab II")
            #expect(details["label"] as? String != nil)
            // No organization delete in Keycard: the command says so and sends nothing.
            await world.server.requestLog.clear()
            #expect(try await world.run(["accounts", "delete", id, "--yes"], provider: "keycard").status == 2)
            #expect(await world.server.requestLog.entries().allSatisfy { $0.method == "GET" })

            let token = try await world.run(["accounts", "token", id, "--yes"], provider: "keycard")
            #expect(token.status == 0, "\(token.stderr)")
            #expect(token.lines.count == 1)
            let secret = try #require(token.lines.first)
            #expect(!(try String(contentsOf: world.journal, encoding: .utf8)).contains(secret))
            let actions = try world.journalEntries().map { $0["action"] as? String }
            #expect(actions == ["accounts.create", "accounts.update", "tokens.exchange"])
        }
    }

    @Test("Keycard members: --disable then --enable changes the membership's status and keeps the role")
    func memberStatus() async throws {
        try await withCLIWorld { world in
            let acme = try await Self.acme(world)
            let members = try #require(
                try await world.run(["members", "list", "--account", acme, "--all", "--json"], provider: "keycard")
                    .json() as? [[String: Any]])
            let member = try #require(members.first { $0["roles"] as? [String] == ["org_member"] })
            let id = try #require(member["id"] as? String)
            let disabled = try await world.run(
                ["members", "update", id, "--account", acme, "--disable", "--yes"], provider: "keycard")
            #expect(disabled.status == 0, "\(disabled.stderr)")
            let after = try #require(
                try await world.run(["members", "list", "--account", acme, "--all", "--json"], provider: "keycard")
                    .json() as? [[String: Any]])
            let changed = try #require(after.first { $0["id"] as? String == id })
            #expect(changed["status"] as? String == "disabled")
            #expect(changed["roles"] as? [String] == ["org_member"])
            #expect(
                try await world.run(
                    ["members", "update", id, "--account", acme, "--enable", "--yes"], provider: "keycard"
                ).status == 0)
            let identities = try #require(
                try await world.run(["identities", "--account", acme, "--json"], provider: "keycard").json()
                    as? [[String: Any]])
            #expect(identities.first { $0["id"] as? String == id }?["status"] as? String == "active")
            #expect(identities.contains { $0["type"] as? String == "invitation" })
            #expect(await world.server.requestLog.entries().contains { $0.path.hasSuffix("/identities") })
        }
    }

    @Test("Keycard service accounts and credentials: create and rename; a credential's secret alone on stdout")
    func serviceAccounts() async throws {
        try await withCLIWorld { world in
            let acme = try await Self.acme(world)
            let created = try await world.run(
                [
                    "tokens", "create", "--name", "release-bot", "--description", "ships builds", "--account", acme,
                    "--yes",
                ],
                provider: "keycard")
            #expect(created.status == 0, "\(created.stderr)")
            let accounts = try #require(
                try await world.run(["service-accounts", "--account", acme, "--json"], provider: "keycard").json()
                    as? [[String: Any]])
            let bot = try #require(accounts.first { $0["name"] as? String == "release-bot" })
            #expect(bot["description"] as? String == "ships builds")
            let botID = try #require(bot["id"] as? String)
            let credential = try await world.run(
                ["tokens", "create", "--name", "ci", "--account", acme, "--service-account", botID, "--yes"],
                provider: "keycard")
            #expect(credential.status == 0, "\(credential.stderr)")
            #expect(credential.lines.count == 1)
            let listed = try #require(
                try await world.run(
                    ["credentials", "--account", acme, "--service-account", botID, "--json"], provider: "keycard"
                ).json() as? [[String: Any]])
            let ci = try #require(listed.first?["id"] as? String)
            let renamed = try await world.run(
                [
                    "tokens", "update", ci, "--name", "ci-main", "--description", "main branch", "--account", acme,
                    "--service-account", botID, "--yes",
                ], provider: "keycard")
            #expect(renamed.status == 0, "\(renamed.stderr)")
            let after = try #require(
                try await world.run(
                    ["credentials", "--account", acme, "--service-account", botID, "--json"], provider: "keycard"
                ).json() as? [[String: Any]])
            #expect(after.first?["name"] as? String == "ci-main")
            #expect(after.first?["description"] as? String == "main branch")
        }
    }

    @Test("OpenAI: an invitation sent with a project in scope carries that project")
    func openAIProjectInvite() async throws {
        try await withCLIWorld { world in
            let projects = try #require(
                try await world.run(["accounts", "list", "--json"], provider: "openai").json() as? [[String: Any]])
            let project = try #require(projects.first { $0["kind"] as? String == "project" }?["id"] as? String)
            let sent = try await world.run(
                ["invites", "send", "pm@example.com", "--account", project, "--role", "reader", "--yes"],
                provider: "openai")
            #expect(sent.status == 0, "\(sent.stderr)")
            let invites = try #require(
                try await world.run(["invites", "list", "--json"], provider: "openai").json() as? [[String: Any]])
            let invite = try #require(invites.first { $0["invitee_email"] as? String == "pm@example.com" })
            let raw = try #require(invite["raw"] as? [String: Any])
            let joined =
                (raw["projects"] as? [String: Any])?["data"] as? [[String: Any]]
                ?? (raw["projects"] as? [[String: Any]]) ?? []
            #expect(joined.contains { $0["id"] as? String == project })
        }
    }

    @Test("Keycard SSO: update reads the client secret from stdin, keeps what it does not change; disable, enable")
    func sso() async throws {
        try await withCLIWorld { world in
            let globex = world.server.keycard.ssoOrganizationID
            let secret = "globex-client-secret-\(UUID().uuidString)"
            let updated = try await world.run(
                [
                    "sso", "update", "--account", globex, "--token-endpoint", "https://globex.okta.example/v2/token",
                    "--scope", "openid", "--scope", "email", "--client-secret-stdin", "--yes",
                ], provider: "keycard", stdin: secret + "\n")
            #expect(updated.status == 0, "\(updated.stderr)")
            let shown = try #require(
                try await world.run(["sso", "--account", globex, "--json"], provider: "keycard").json()
                    as? [String: Any])
            #expect(shown["token_endpoint"] as? String == "https://globex.okta.example/v2/token")
            #expect(shown["scopes"] as? [String] == ["openid", "email"])
            #expect(
                shown["authorization_endpoint"] as? String == "https://globex.okta.example/oauth2/default/v1/authorize")
            #expect(shown["client_secret_set"] as? Bool == true)
            #expect(!updated.stdout.contains(secret) && !updated.stderr.contains(secret))
            #expect(!(try String(contentsOf: world.journal, encoding: .utf8)).contains(secret))

            #expect(
                try await world.run(["sso", "disable", "--account", globex, "--yes"], provider: "keycard").status == 0)
            #expect(await world.server.keycard.ssoConnection(organizationID: globex) == nil)
            let enabled = try await world.run(
                [
                    "sso", "enable", "--account", globex, "--issuer", "https://login.globex.example",
                    "--client-id", "orgtui", "--yes",
                ], provider: "keycard")
            #expect(enabled.status == 0, "\(enabled.stderr)")
            #expect(
                await world.server.keycard.ssoConnection(organizationID: globex)?.identifier
                    == "https://login.globex.example")
            let actions = try world.journalEntries().map { $0["action"] as? String }
            #expect(actions == ["sso.update", "sso.disable", "sso.enable"])
        }
    }

    static func acme(_ world: CLIWorld) async throws -> String {
        let organizations = try #require(
            try await world.run(["accounts", "list", "--json"], provider: "keycard").json() as? [[String: Any]])
        return try #require(organizations.first { $0["name"] as? String == "Acme Robotics" }?["id"] as? String)
    }
}

/// Cloudflare's subscriptions, legacy organizations and roles: every single-item GET and every write.
@Suite("Scripting CLI: Cloudflare subscriptions, organizations and roles")
struct ScriptingCloudflareRecordTests {
    @Test("subscriptions: get reads fresh; create, update and delete change the account's subscriptions")
    func subscriptions() async throws {
        try await withCLIWorld { world in
            let acme = try await ScriptingReadTests.accountID(named: "Acme Corp", in: world)
            let before = try #require(
                try await world.run(["subscriptions", "--account", acme, "--json"]).json() as? [[String: Any]])
            let first = try #require(before.first?["id"] as? String)
            await world.server.requestLog.clear()
            let one = try #require(
                try await world.run(["subscriptions", "get", first, "--account", acme, "--json"]).json()
                    as? [String: Any])
            #expect(one["id"] as? String == first)
            #expect(one["plan_id"] as? String != nil)
            #expect(await world.server.requestLog.entries().contains { $0.path.hasSuffix("/subscriptions/\(first)") })

            let created = try await world.run(
                [
                    "subscriptions", "create", "--account", acme, "--rate-plan", "business", "--frequency", "yearly",
                    "--yes", "--json",
                ])
            #expect(created.status == 0, "\(created.stderr)")
            let record = try #require(try created.json() as? [String: Any])
            #expect(record["frequency"] as? String == "yearly")
            let updated = try await world.run(
                ["subscriptions", "update", first, "--account", acme, "--frequency", "quarterly", "--yes"])
            #expect(updated.status == 0, "\(updated.stderr)")
            let deleted = try await world.run(["subscriptions", "delete", first, "--account", acme, "--yes"])
            #expect(deleted.status == 0, "\(deleted.stderr)")
            let after = try #require(
                try await world.run(["subscriptions", "--account", acme, "--json"]).json() as? [[String: Any]])
            #expect(after.count == before.count)
            #expect(!after.contains { $0["id"] as? String == first })
            #expect(after.contains { $0["id"] as? String == record["id"] as? String })
            let actions = try world.journalEntries().map { $0["action"] as? String }
            #expect(actions == ["subscriptions.create", "subscriptions.update", "subscriptions.delete"])
        }
    }

    @Test("orgs get and roles get read one item fresh (GET /user/organizations/{id}, GET /accounts/{id}/roles/{id})")
    func singleItems() async throws {
        try await withCLIWorld { world in
            let orgs = try #require(try await world.run(["orgs", "--json"]).json() as? [[String: Any]])
            let org = try #require(orgs.first?["id"] as? String)
            await world.server.requestLog.clear()
            let one = try #require(try await world.run(["orgs", "get", org, "--json"]).json() as? [String: Any])
            #expect(one["id"] as? String == org)
            #expect(
                await world.server.requestLog.entries().contains { $0.path.hasSuffix("/user/organizations/\(org)") })

            let acme = try await ScriptingReadTests.accountID(named: "Acme Corp", in: world)
            let roles = try #require(
                try await world.run(["roles", "--account", acme, "--json"]).json() as? [[String: Any]])
            let role = try #require(roles.first { $0["name"] as? String == "Administrator" }?["id"] as? String)
            let read = try #require(
                try await world.run(["roles", "get", role, "--account", acme, "--json"]).json() as? [String: Any])
            #expect(read["name"] as? String == "Administrator")
            #expect((read["permission"] as? [String])?.isEmpty == false)
            #expect(await world.server.requestLog.entries().contains { $0.path.hasSuffix("/roles/\(role)") })
        }
    }
}

/// `tokens create|update` with permissions: each group bound to resources of its own scope, allow and deny.
@Suite("Scripting CLI: token policies per scope")
struct ScriptingTokenPolicyTests {
    @Test(
        "create binds a zone group to the account's zones and a deny to the account; update rebuilds the policies and keeps the name"
    )
    func policies() async throws {
        try await withCLIWorld { world in
            let acme = try await ScriptingReadTests.accountID(named: "Acme Corp", in: world)
            let created = try await world.run(
                [
                    "tokens", "create", "--name", "scoped", "--account", acme, "--permission", "DNS Write",
                    "--permission", "Account Settings Read", "--deny", "Billing Read", "--yes",
                ])
            #expect(created.status == 0, "\(created.stderr)")
            #expect(created.lines.count == 1)
            let tokens = try #require(
                try await world.run(["tokens", "list", "--account", acme, "--json"]).json() as? [[String: Any]])
            let id = try #require(tokens.first { $0["name"] as? String == "scoped" }?["id"] as? String)
            let token = try #require(await world.server.store.token(id: id))
            let zone = try #require(token.policies?.first { $0.permissionGroups.contains { $0.name == "DNS Write" } })
            #expect(
                zone.resources["com.cloudflare.api.account.\(acme)"]
                    == .object(["com.cloudflare.api.account.zone.*": .string("*")]))
            #expect(token.policies?.contains { $0.effect == .known(.deny) } == true)

            let updated = try await world.run(
                ["tokens", "update", id, "--account", acme, "--permission", "Zone Read", "--yes"])
            #expect(updated.status == 0, "\(updated.stderr)")
            let after = try #require(await world.server.store.token(id: id))
            #expect(after.name == "scoped")
            #expect(after.policies?.count == 1)
            #expect(after.policies?.first?.permissionGroups.map(\.name) == ["Zone Read"])
        }
    }
}
