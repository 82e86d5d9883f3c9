import DemoServer
import Foundation
import Testing

/// Every write subcommand with `--read-only`: exit 4, a message that says read-only, and no write request (the
/// server's request log); the rows it names are real, so what refuses is the read-only rule, not a lookup.
@Suite("Scripting: read-only refuses every write subcommand, nothing sent", .serialized)
struct ScriptingReadOnlyTests {
    /// The `id` of the first record of `arguments --json` whose `field` is `value` (any record without a filter).
    func id(
        _ world: CLIWorld, _ arguments: [String], provider: String, where field: String? = nil, is value: String? = nil
    )
        async throws -> String
    {
        let listed = try await world.run(arguments + ["--json"], provider: provider)
        let records = try #require(try listed.json() as? [[String: Any]], "\(arguments): \(listed.stderr)")
        let record = try #require(
            records.first { record in field.map { record[$0] as? String == value } ?? true }, "\(arguments)")
        return try #require(record["id"] as? String)
    }

    @Test func everyWriteSubcommandIsRefused() async throws {
        try await withCLIWorld(members: 60) { world in
            let account = try await id(world, ["accounts", "list"], provider: "cloudflare")
            let token = try await id(world, ["tokens", "list"], provider: "cloudflare", where: "name", is: "ci-deploy")
            let member = try await id(
                world, ["members", "list", "--account", account], provider: "cloudflare", where: "status", is: "active")
            let received = try await id(
                world, ["invites", "list"], provider: "cloudflare", where: "status", is: "pending")
            let adminKey = try await id(
                world, ["tokens", "list"], provider: "openai", where: "name", is: "terraform-admin")
            let user = try await id(world, ["members", "list"], provider: "openai", where: "status", is: "active")
            let invite = try await id(world, ["invites", "list"], provider: "openai", where: "status", is: "pending")
            let organization = try await id(world, ["accounts", "list"], provider: "keycard")
            let commands: [(provider: String, arguments: [String])] = [
                ("cloudflare", ["tokens", "roll", token]),
                ("cloudflare", ["tokens", "update", token, "--disable"]),
                ("cloudflare", ["tokens", "delete", token]),
                ("cloudflare", ["tokens", "create", "--name", "ci", "--account", account, "--permission", "DNS Read"]),
                (
                    "cloudflare",
                    ["members", "invite", "ana@example.com", "--account", account, "--role", "Administrator"]
                ),
                (
                    "cloudflare",
                    ["members", "update", member, "--account", account, "--role", "Administrator Read Only"]
                ),
                ("cloudflare", ["members", "remove", member, "--account", account]),
                ("cloudflare", ["invites", "accept", received]),
                ("cloudflare", ["invites", "reject", received]),
                ("cloudflare", ["accounts", "update", account, "--name", "Renamed"]),
                ("cloudflare", ["user", "edit", "--set", "telephone=+1 555 0100"]),
                ("openai", ["tokens", "rotate", adminKey]),
                ("openai", ["tokens", "delete", adminKey]),
                ("openai", ["invites", "send", "auditor@example.com", "--role", "reader"]),
                ("openai", ["invites", "revoke", invite]),
                ("openai", ["members", "update", user, "--role", "owner"]),
                ("openai", ["members", "remove", user]),
                ("keycard", ["accounts", "create", "New Org"]),
                ("keycard", ["accounts", "update", organization, "--name", "Renamed"]),
                ("keycard", ["accounts", "token", organization]),
                ("keycard", ["sso", "disable", "--account", organization]),
            ]
            var refused = 0
            var failures: [String] = []
            for command in commands {
                let run = try await world.run(
                    command.arguments + ["--yes", "--read-only"], provider: command.provider)
                let writes = await world.server.requestLog.entries().filter { $0.method != "GET" }
                if run.status == 4, run.stderr.contains("Read-only"), writes.isEmpty {
                    refused += 1
                } else {
                    failures.append("\(command.arguments.joined(separator: " ")): \(run.status) \(run.stderr)")
                }
            }
            print("CLI read-only: \(refused) / \(commands.count) write subcommands refused, 0 writes sent")
            #expect(refused == commands.count, "\(failures.joined(separator: "\n"))")
        }
    }
}
