import DemoServer
import Foundation
import Testing

/// Every CLI flow that touches a secret, with the log at debug: sign-in with each credential kind (a Cloudflare token,
/// Cloudflare's global key with its email, an OpenAI admin key, a Keycard API key, Keycard client credentials), a
/// roll, a token create, a guided rotation, a Keycard credential create, a token exchange, an SSO client secret from
/// stdin.
/// The secrets are then searched for in the log, the journal, every stderr and every stdout but the one line that
/// carries a new secret: 0 occurrences.
@Suite("Scripting: no secret in the log, the journal or stderr", .serialized)
struct ScriptingSecretTests {
    @Test func everySecretStaysWhereItBelongs() async throws {
        try await withCLIWorld(members: 60) { world in
            let debug = ["ORGTUI_LOG": "debug"]
            var secrets: [String: String] = [
                "Cloudflare login token": world.server.loginToken, "OpenAI admin key": world.server.openAILoginKey,
                "Keycard API key": world.server.keycardAPIKey,
            ]
            var printed: [String] = []
            /// Runs a command; `secret` names the new secret it prints on stdout alone, if any.
            func run(
                _ arguments: [String], provider: String, extra: [String: String] = [:], stdin: String? = nil,
                secret: String? = nil
            ) async throws -> CLIResult {
                let result = try await world.run(
                    arguments, provider: provider, extra: debug.merging(extra) { $1 }, stdin: stdin)
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
                printed.append(result.stderr)
                if let secret {
                    #expect(result.lines.count == 1, "\(secret) alone on stdout")
                    secrets[secret] = result.lines.first ?? ""
                } else {
                    printed.append(result.stdout)
                }
                return result
            }
            func id(_ arguments: [String], provider: String, name: String) async throws -> String {
                let listed = try await run(arguments + ["--json"], provider: provider)
                let records = try #require(try listed.json() as? [[String: Any]])
                return try #require(records.first { $0["name"] as? String == name }?["id"] as? String, "\(name)")
            }
            let ciDeploy = try await id(["tokens", "list"], provider: "cloudflare", name: "ci-deploy")
            _ = try await run(["tokens", "roll", ciDeploy, "--yes"], provider: "cloudflare", secret: "rolled token")
            let accounts = try #require(
                try await run(["accounts", "list", "--json"], provider: "cloudflare").json() as? [[String: Any]])
            let account = try #require(accounts.first?["id"] as? String)
            _ = try await run(
                ["tokens", "create", "--name", "ci", "--account", account, "--permission", "DNS Read", "--yes"],
                provider: "cloudflare", secret: "created token")
            let adminKey = try await id(["tokens", "list"], provider: "openai", name: "terraform-admin")
            _ = try await run(["tokens", "rotate", adminKey, "--yes"], provider: "openai", secret: "rotated admin key")
            let organizations = try #require(
                try await run(["accounts", "list", "--json"], provider: "keycard").json() as? [[String: Any]])
            let acme = try #require(organizations.first?["id"] as? String)
            let robot = try await id(["service-accounts", "--account", acme], provider: "keycard", name: "terraform")
            _ = try await run(
                ["tokens", "create", "--name", "ci", "--account", acme, "--service-account", robot, "--yes"],
                provider: "keycard", secret: "Keycard credential")
            _ = try await run(["accounts", "token", acme, "--yes"], provider: "keycard", secret: "exchanged token")
            // The other credential kinds at start-up: Cloudflare's global key with its email, and Keycard client
            // credentials (the one just created: its client id, and the secret printed above).
            secrets["Cloudflare global API key"] = world.server.globalAPIKey
            _ = try await run(
                ["accounts", "list"], provider: "cloudflare",
                extra: [
                    "CLOUDFLARE_API_TOKEN": "", "CLOUDFLARE_API_KEY": world.server.globalAPIKey,
                    "CLOUDFLARE_EMAIL": "alex.morgan@example.com",
                ])
            let credentials = try #require(
                try await run(
                    ["credentials", "--account", acme, "--service-account", robot, "--json"], provider: "keycard"
                )
                .json() as? [[String: Any]])
            let created = try #require(credentials.first { $0["name"] as? String == "ci" }?["raw"] as? [String: Any])
            let clientID = try #require(created["client_id"] as? String)
            _ = try await run(
                ["service-accounts", "--account", acme], provider: "keycard",
                extra: [
                    "KEYCARD_API_API_KEY": "", "KEYCARD_API_CLIENT_ID": clientID,
                    "KEYCARD_API_CLIENT_SECRET": secrets["Keycard credential"] ?? "",
                ])
            let clientSecret = "sso-client-secret-\(UUID().uuidString)"
            secrets["SSO client secret"] = clientSecret
            _ = try await run(
                [
                    "sso", "enable", "--account", acme, "--issuer", "https://idp.example", "--client-id", "orgtui",
                    "--client-secret-stdin", "--yes",
                ], provider: "keycard", stdin: clientSecret + "\n")

            let state = world.home.appendingPathComponent("state/orgtui")
            let log = (try? String(contentsOf: state.appendingPathComponent("orgtui.log"), encoding: .utf8)) ?? ""
            let journal = (try? String(contentsOf: world.journal, encoding: .utf8)) ?? ""
            #expect(log.contains("debug"), "the log was written at debug")
            var occurrences = 0
            for (name, secret) in secrets where secret.count >= 8 {
                for (place, text) in [("log", log), ("journal", journal)] + printed.map({ ("output", $0) })
                where text.contains(secret) {
                    occurrences += 1
                    Issue.record("\(name) found in the \(place)")
                }
            }
            print(
                "secrets: \(secrets.count) searched in the log, the journal and \(printed.count) outputs: "
                    + "\(occurrences) occurrences")
            #expect(secrets.count == 10)
        }
    }
}
