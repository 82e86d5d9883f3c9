import DemoServer
import Foundation
import Testing

/// `orgtui people …` and `orgtui risks` over three configured profiles (the three providers of one demo server).
@Suite("Scripting: people and risks across every profile", .serialized)
struct ScriptingPeopleTests {
    static let jordan = "jordan.blake@example.com"

    /// Writes a config whose profiles cf, oa and kc are the world's three providers.
    func configure(_ world: CLIWorld, requestTimeout: Int? = nil) throws {
        let folder = world.home.appendingPathComponent("config/orgtui")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("config.toml")
        let server = world.server
        let timeout = requestTimeout.map { "\nrequest_timeout = \($0)" } ?? ""
        let config = """
            [profiles.cf]
            provider = "cloudflare"
            base_url = "\(server.cloudflareBaseURL.absoluteString)"
            token_command = "echo \(server.loginToken)"\(timeout)

            [profiles.oa]
            provider = "openai"
            base_url = "\(server.openAIBaseURL.absoluteString)"
            token_command = "echo \(server.openAILoginKey)"\(timeout)

            [profiles.kc]
            provider = "keycard"
            base_url = "\(server.keycardBaseURL.absoluteString)"
            token_command = "echo \(server.keycardAPIKey)"\(timeout)

            [risks]
            invitation_days = 30
            """
        try config.write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
    }

    func objects(_ result: CLIResult) throws -> [[String: Any]] {
        try #require(try result.json() as? [[String: Any]], "\(result.stdout)\n\(result.stderr)")
    }

    @Test func peopleShowMergesOnePersonAcrossEveryProfile() async throws {
        try await withCLIWorld { world in
            try configure(world)
            let shown = try await world.run(["people", "show", "JORDAN.Blake@example.com", "--json", "--profile", "cf"])
            #expect(shown.status == 0, "\(shown.stderr)")
            let lines = try objects(shown)
            #expect(Set(lines.compactMap { $0["profile"] as? String }) == ["cf", "oa", "kc"])
            #expect(
                Set(lines.compactMap { $0["kind"] as? String }) == ["member", "invitation", "admin key", "project key"])
            let listed = try await world.run(["people", "list", "--jsonl", "--profile", "oa"])
            let priya = listed.lines.filter { $0.lowercased().contains("priya.shah@example.com") }
            #expect(priya.count == 1, "three cases of one email are one person")
            let record = try JSONSerialization.jsonObject(with: Data((priya.first ?? "{}").utf8)) as? [String: Any]
            #expect(Set(record?["providers"] as? [String] ?? []) == ["cloudflare", "openai", "keycard"])
        }
    }

    @Test func risksPrintEveryKindOfFindingWithTheConfigsThresholds() async throws {
        try await withCLIWorld { world in
            try configure(world)
            let risks = try await world.run(["risks", "--json", "--profile", "cf"])
            #expect(risks.status == 0, "\(risks.stderr)")
            let findings = try objects(risks)
            let kinds = Set(findings.compactMap { $0["kind"] as? String })
            for kind in [
                "unused-key", "expired-key", "expiring-key", "broad-key", "no-two-factor", "single-owner", "sso-off",
            ] {
                #expect(kinds.contains(kind), "\(kind) in \(kinds)")
            }
            #expect(findings.allSatisfy { $0["profile"] is String && $0["reason"] is String })
            let stale = findings.filter { ($0["kind"] as? String) == "stale-invitation" }
            #expect(stale.isEmpty, "invitation_days = 30: Jordan's 20-day-old invitation is not stale yet")
            let high = try objects(try await world.run(["risks", "--json", "--severity", "high", "--profile", "cf"]))
            #expect(!high.isEmpty && high.allSatisfy { ($0["severity"] as? String) == "high" })
        }
    }

    @Test func offboardStopsAtAFailureAndARunAgainResumesSendingNoStepTwice() async throws {
        try await withCLIWorld { world in
            try configure(world)
            let dry = try await world.run(["people", "offboard", Self.jordan, "--dry-run", "--json", "--profile", "cf"])
            #expect(dry.status == 0, "\(dry.stderr)")
            let planned = try objects(dry)
            #expect(planned.count == 7)
            #expect(await world.server.requestLog.entries().filter { $0.method != "GET" }.isEmpty)

            let refused = try await world.run([
                "people", "offboard", Self.jordan, "--read-only", "--yes", "--profile", "cf",
            ])
            #expect(refused.status == 4)
            #expect(await world.server.requestLog.entries().filter { $0.method != "GET" }.isEmpty)

            let member = try #require(
                planned.first { ($0["provider"] as? String) == "cloudflare" }?["target"] as? String)
            world.server.faults.inject(
                .refusal(403, message: "Requires Super Administrator", code: 10_000), method: "DELETE",
                path: "/accounts/*/members/\(member)")
            let first = try await world.run(["people", "offboard", Self.jordan, "--yes", "--json", "--profile", "cf"])
            #expect(first.status == 1, "\(first.stderr)")
            let states = try objects(first).compactMap { $0["state"] as? String }
            #expect(states == ["done", "done", "done", "FAILED", "waiting", "waiting", "waiting"], "\(states)")
            #expect(first.stderr.contains("Requires Super Administrator"))

            let again = try await world.run(["people", "offboard", Self.jordan, "--yes", "--json", "--profile", "cf"])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(try objects(again).count == 4, "the plan is read afresh: only what is left")
            let writes = await world.server.requestLog.entries().filter { $0.method != "GET" }
            #expect(writes.count == 8, "seven steps once, the failed one twice")
            #expect(writes.filter { $0.path.hasSuffix("/members/\(member)") }.count == 2)
            #expect(try world.journalEntries().count == 8, "one journal line per step sent")
            let gone = try await world.run(["people", "show", Self.jordan, "--profile", "cf"])
            #expect(gone.status == 1 && gone.stderr.contains("nobody with the email"))
        }
    }
}
