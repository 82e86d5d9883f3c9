import ConsoleTesting
import DemoServer
import Foundation
import Testing

/// Writes whose answer is lost, through the built binary: a 503 after the server applied the change, a timeout while
/// it applies it, a reset after it applied it, a reset before it ever saw it. Each write is sent once (the server's
/// request log), ends with exit 3 (outcome unknown, re-read), and leaves one journal line saying so.
@Suite("Scripting: writes under ambiguous failure, none sent twice", .serialized)
struct ScriptingAmbiguousWriteTests {
    static let faults: [(name: String, kind: FaultKind)] = [
        ("503 after applying", .statusAfterHandling(503)), ("timeout", .latency(.seconds(5))),
        ("reset after applying", .reset(afterHandling: true)), ("reset before sending", .reset(afterHandling: false)),
    ]

    /// The `id` of the first record of `arguments --json` whose `field` is `value`, skipping `skip` matches.
    func id(
        _ world: CLIWorld, _ arguments: [String], where field: String, is value: String, skip: Int = 0
    ) async throws -> String {
        let listed = try await world.run(arguments + ["--json"])
        let records = try #require(try listed.json() as? [[String: Any]], "\(arguments): \(listed.stderr)")
        let matches = records.filter { $0[field] as? String == value }
        try #require(matches.count > skip, "\(arguments) \(field)=\(value)")
        return try #require(matches[skip]["id"] as? String)
    }

    /// Whether a request path ends with `route`'s segments (`*` matches one segment).
    static func path(_ path: String, matches route: String) -> Bool {
        let segments = path.split(separator: "/")
        let pattern = route.split(separator: "/")
        guard segments.count >= pattern.count else { return false }
        return zip(segments.suffix(pattern.count), pattern).allSatisfy { $1 == "*" || $0 == $1 }
    }

    @Test(arguments: 0..<4)
    func eachWriteIsSentOnceAndItsOutcomeIsUnknown(fault index: Int) async throws {
        let fault = Self.faults[index]
        try await withCLIWorld(members: 60) { world in
            try ScriptingPeopleTests().configure(world, requestTimeout: fault.name == "timeout" ? 2 : nil)
            let cf = ["--profile", "cf"]
            let oa = ["--profile", "oa"]
            let kc = ["--profile", "kc"]
            let account = try await id(world, ["accounts", "list"] + cf, where: "kind", is: "standard")
            func token(_ name: String, _ profile: [String]) async throws -> String {
                try await id(world, ["tokens", "list"] + profile, where: "name", is: name)
            }
            let members = ["members", "list", "--account", account] + cf
            let received = ["invites", "list"] + cf
            let users = ["members", "list"] + oa
            let member = { (skip: Int) in try await id(world, members, where: "status", is: "active", skip: skip) }
            let invitation = { (skip: Int) in try await id(world, received, where: "status", is: "pending", skip: skip)
            }
            let user = try await id(world, users, where: "status", is: "active", skip: 3)
            let robots = try await id(world, ["accounts", "list"] + kc, where: "name", is: "Acme Robotics")
            let robot = try await id(
                world, ["service-accounts", "--account", robots] + kc, where: "name", is: "terraform")
            let globex = world.server.keycard.ssoOrganizationID
            let commands: [(method: String, route: String, arguments: [String])] = [
                ("PUT", "/user/tokens/*/value", ["tokens", "roll", try await token("ci-deploy", cf)] + cf),
                (
                    "PUT", "/user/tokens/*",
                    ["tokens", "update", try await token("terraform-prod", cf), "--disable"] + cf
                ),
                ("DELETE", "/user/tokens/*", ["tokens", "delete", try await token("grafana-readonly", cf)] + cf),
                (
                    "POST", "/accounts/*/members",
                    ["members", "invite", "ana@example.com", "--account", account, "--role", "Administrator"] + cf
                ),
                (
                    "PUT", "/accounts/*/members/*",
                    [
                        "members", "update", try await member(1), "--account", account, "--role",
                        "Administrator Read Only",
                    ]
                        + cf
                ),
                (
                    "DELETE", "/accounts/*/members/*",
                    ["members", "remove", try await member(2), "--account", account] + cf
                ),
                ("PATCH", "/user/invites/*", ["invites", "accept", try await invitation(0)] + cf),
                ("PATCH", "/user/invites/*", ["invites", "reject", try await invitation(1)] + cf),
                ("PUT", "/accounts/*", ["accounts", "update", account, "--name", "Acme Renamed"] + cf),
                (
                    "POST", "/v1/organization/admin_api_keys",
                    ["tokens", "rotate", try await token("terraform-admin", oa)] + oa
                ),
                (
                    "DELETE", "/v1/organization/admin_api_keys/*",
                    ["tokens", "delete", try await token("billing-export", oa)] + oa
                ),
                (
                    "POST", "/v1/organization/invites",
                    ["invites", "send", "auditor@example.com", "--role", "reader"] + oa
                ),
                ("POST", "/v1/organization/users/*", ["members", "update", user, "--role", "owner"] + oa),
                ("POST", "/organizations", ["accounts", "create", "Skunkworks"] + kc),
                // Writes that issue a secret: when its answer is lost, the secret is too, and the CLI says so.
                (
                    "POST", "/accounts/*/tokens",
                    ["tokens", "create", "--name", "ci", "--account", account, "--permission", "DNS Read"] + cf
                ),
                (
                    "POST", "/organizations/*/service-accounts/*/credentials",
                    ["tokens", "create", "--name", "ci", "--account", robots, "--service-account", robot] + kc
                ),
                // The guided rotation's second step: the replacement is made (its secret printed), the old key's delete
                // gets no answer.
                (
                    "DELETE", "/v1/organization/admin_api_keys/*",
                    ["tokens", "rotate", try await token("audit-log-shipper", oa)] + oa
                ),
                (
                    "PATCH", "/organizations/*/sso-connection",
                    ["sso", "update", "--account", globex, "--token-endpoint", "https://sso.globex.example/token"] + kc
                ),
                ("DELETE", "/organizations/*/sso-connection", ["sso", "disable", "--account", globex] + kc),
            ]
            let issuesASecret: Set<String> = ["roll", "rotate", "create --name ci --account"]
            var duplicates = 0
            var failures: [String] = []
            for command in commands {
                world.server.faults.clear()
                world.server.faults.inject(fault.kind, method: command.method, path: command.route, times: 1)
                // The faulted write's requests only (a rotation also creates the replacement first).
                let server = world.server
                let faulted = { @Sendable () async -> Int in
                    await server.requestLog.entries().filter {
                        $0.method == command.method && Self.path($0.path, matches: command.route)
                    }.count
                }
                let before = await faulted()
                let run = try await world.run(command.arguments + ["--yes"])
                // A slow answer is logged when the server finishes it, after the CLI has given up: wait for it.
                _ = try await TmuxSession.poll(timeout: .seconds(10)) { await faulted() > before ? true : nil }
                let sent = await faulted() - before
                duplicates += max(0, sent - 1)
                let name = command.arguments.prefix(3).joined(separator: " ")
                if run.status != 3 || sent != 1 {
                    failures.append("\(name): exit \(run.status), \(sent) sent: \(run.stderr)")
                }
                let issuing = issuesASecret.contains { command.arguments.joined(separator: " ").contains($0) }
                if issuing, command.method != "DELETE", !run.stderr.contains("secret") {
                    failures.append(
                        "\(name): a lost answer that may hold a secret, and stderr does not say: \(run.stderr)")
                }
            }
            world.server.faults.clear()
            let unknown = try world.journalEntries().filter { ($0["outcome"] as? String) == "unknown" }.count
            print(
                "ambiguous writes (\(fault.name)): \(commands.count - failures.count) / \(commands.count) ended unknown, "
                    + "sent once; duplicated writes: \(duplicates); journal lines 'unknown': \(unknown)")
            #expect(duplicates == 0)
            #expect(unknown == commands.count)
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        }
    }
}
