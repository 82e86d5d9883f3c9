import DemoServer
import Foundation
import Testing

/// `orgtui <noun> <verb>` writes against the demo server: confirmation, read-only, each outcome's exit code, the
/// secret alone on stdout, and one journal line per write (with the API's request id, never a secret).
@Suite("Scripting CLI: writes")
struct ScriptingWriteTests {
    @Test(
        "tokens roll: refused without --yes (exit 2) and in read-only mode (exit 4), nothing sent; with --yes the secret alone on stdout, and it works"
    )
    func roll() async throws {
        try await withCLIWorld { world in
            let id = try await Self.tokenID(named: "ci-deploy", in: world)
            await world.server.requestLog.clear()
            let unconfirmed = try await world.run(["tokens", "roll", id])
            #expect(unconfirmed.status == 2)
            #expect(unconfirmed.stderr.contains("--yes"))
            let readOnly = try await world.run(["tokens", "roll", id, "--yes", "--read-only"])
            #expect(readOnly.status == 4)
            #expect(readOnly.stderr.contains("Read-only"))
            #expect(await Self.writes(world).isEmpty)

            let rolled = try await world.run(["tokens", "roll", id, "--yes"])
            #expect(rolled.status == 0, "\(rolled.stderr)")
            #expect(rolled.lines.count == 1)
            let secret = try #require(rolled.lines.first)
            #expect(secret.count >= 20)
            #expect(rolled.stderr.contains("Rolled 'ci-deploy'"))
            let puts = await Self.writes(world)
            #expect(puts.count == 1)
            #expect(puts.first?.path.hasSuffix("/user/tokens/\(id)/value") == true)
            // The new secret signs in.
            let signedIn = try await world.run(["user", "get"], extra: ["CLOUDFLARE_API_TOKEN": secret])
            #expect(signedIn.status == 0, "\(signedIn.stderr)")

            let journal = try world.journalEntries()
            #expect(journal.map { $0["outcome"] as? String } == ["read-only", "done"])
            #expect(journal.last?["action"] as? String == "tokens.roll")
            #expect(journal.last?["target_id"] as? String == id)
            #expect(journal.last?["request_id"] as? String == puts.first?.requestID)
            let text = try String(contentsOf: world.journal, encoding: .utf8)
            #expect(!text.contains(secret))
            let mode =
                try FileManager.default.attributesOfItem(atPath: world.journal.path)[.posixPermissions] as? NSNumber
            #expect(mode?.intValue == 0o600)
        }
    }

    @Test(
        "a refusal exits 1 with the API's message; an answer lost after the server acted exits 3 and says what the re-read found"
    )
    func refusedAndUnknown() async throws {
        try await withCLIWorld { world in
            let id = try await Self.tokenID(named: "terraform-prod", in: world)
            _ = world.server.faults.inject(
                .refusal(403, message: "Deleting tokens is disabled by policy"), method: "DELETE",
                path: "/client/v4/user/tokens/\(id)")
            let refused = try await world.run(["tokens", "delete", id, "--yes"])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("Deleting tokens is disabled by policy"))

            let other = try await Self.tokenID(named: "grafana-readonly", in: world)
            await world.server.requestLog.clear()
            _ = world.server.faults.inject(
                .reset(afterHandling: true), method: "PUT", path: "/client/v4/user/tokens/\(other)/value")
            let unknown = try await world.run(["tokens", "roll", other, "--yes"])
            #expect(unknown.status == 3)
            #expect(unknown.stdout.isEmpty)
            #expect(unknown.stderr.contains("answer was lost"))
            #expect(await Self.writes(world).count == 1)

            let outcomes = try world.journalEntries().map { $0["outcome"] as? String }
            #expect(outcomes == ["refused", "unknown"])
            let message = try world.journalEntries().first?["message"] as? String
            #expect(message?.contains("Deleting tokens is disabled by policy") == true)
        }
    }

    @Test("invites accept and reject answer received invitations; members invite, update and remove change the account")
    func invitationsAndMembers() async throws {
        try await withCLIWorld { world in
            let invitations = try #require(
                try await world.run(["invites", "list", "--json"]).json() as? [[String: Any]])
            let pending = invitations.filter { $0["status"] as? String == "pending" }.compactMap { $0["id"] as? String }
            #expect(pending.count >= 2)
            #expect(try await world.run(["invites", "accept", pending[0], "--yes"]).status == 0)
            #expect(try await world.run(["invites", "reject", pending[1], "--yes"]).status == 0)
            let after = try #require(try await world.run(["invites", "list", "--json"]).json() as? [[String: Any]])
            #expect(after.first { $0["id"] as? String == pending[0] }?["status"] as? String == "accepted")
            #expect(after.first { $0["id"] as? String == pending[1] }?["status"] as? String == "rejected")

            let acme = try await ScriptingReadTests.accountID(named: "Globex Staging", in: world)
            let invited = try await world.run(
                ["members", "invite", "new.person@example.com", "--account", acme, "--role", "Administrator", "--yes"])
            #expect(invited.status == 0, "\(invited.stderr)")
            let members = try #require(
                try await world.run(["members", "list", "--account", acme, "--all", "--json"]).json()
                    as? [[String: Any]])
            let person = try #require(members.first { $0["email"] as? String == "new.person@example.com" })
            let personID = try #require(person["id"] as? String)
            #expect(person["roles"] as? [String] == ["Administrator"])
            let updated = try await world.run(
                ["members", "update", personID, "--account", acme, "--role", "Administrator Read Only", "--yes"])
            #expect(updated.status == 0, "\(updated.stderr)")
            let removed = try await world.run(["members", "remove", personID, "--account", acme, "--yes"])
            #expect(removed.status == 0, "\(removed.stderr)")
            let remaining = try #require(
                try await world.run(["members", "list", "--account", acme, "--all", "--json"]).json()
                    as? [[String: Any]])
            #expect(!remaining.contains { $0["id"] as? String == personID })
            let actions = try world.journalEntries().map { $0["action"] as? String }
            #expect(
                actions == [
                    "invitations.accept", "invitations.reject", "members.invite", "members.setRoles", "members.remove",
                ])
        }
    }

    @Test("OpenAI: invites send and revoke; a key's guided rotation prints the new secret and deletes the old key")
    func openAIWrites() async throws {
        try await withCLIWorld { world in
            let sent = try await world.run(
                ["invites", "send", "auditor@example.com", "--role", "reader", "--yes"], provider: "openai")
            #expect(sent.status == 0, "\(sent.stderr)")
            let invites = try #require(
                try await world.run(["invites", "list", "--json"], provider: "openai").json() as? [[String: Any]])
            let invite = try #require(invites.first { $0["invitee_email"] as? String == "auditor@example.com" })
            let revoked = try await world.run(
                ["invites", "revoke", try #require(invite["id"] as? String), "--yes"], provider: "openai")
            #expect(revoked.status == 0, "\(revoked.stderr)")

            let keys = try #require(
                try await world.run(["tokens", "list", "--json"], provider: "openai").json() as? [[String: Any]])
            let old = try #require(keys.first { $0["name"] as? String == "billing-export" }?["id"] as? String)
            let rotated = try await world.run(["tokens", "rotate", old, "--yes"], provider: "openai")
            #expect(rotated.status == 0, "\(rotated.stderr)")
            #expect(rotated.lines.count == 1)
            let now = try #require(
                try await world.run(["tokens", "list", "--json"], provider: "openai").json() as? [[String: Any]])
            #expect(!now.contains { $0["id"] as? String == old })
            #expect(now.count == keys.count)
            let text = try String(contentsOf: world.journal, encoding: .utf8)
            #expect(!text.contains(try #require(rotated.lines.first)))
        }
    }

    static func tokenID(named name: String, in world: CLIWorld) async throws -> String {
        let tokens = try #require(try await world.run(["tokens", "list", "--json"]).json() as? [[String: Any]])
        return try #require(tokens.first { $0["name"] as? String == name }?["id"] as? String)
    }

    /// The requests that could change something.
    static func writes(_ world: CLIWorld) async -> [DemoRequestRecord] {
        await world.server.requestLog.entries().filter { $0.method != "GET" }
    }
}

/// `user edit`, `billing --details` and `journal` as a script sees them.
@Suite("Scripting CLI: user, billing and the journal")
struct ScriptingUserAndJournalTests {
    @Test(
        "user edit sets and clears fields; an unknown field is a usage error with nothing sent; journal prints the writes"
    )
    func userEditAndJournal() async throws {
        try await withCLIWorld { world in
            let set = try await world.run(["user", "edit", "--set", "telephone=+1 555 0199", "--yes"])
            #expect(set.status == 0, "\(set.stderr)")
            #expect(await world.server.store.demoUser().telephone == "+1 555 0199")
            let cleared = try await world.run(["user", "edit", "--clear", "telephone", "--yes"])
            #expect(cleared.status == 0, "\(cleared.stderr)")
            #expect(await world.server.store.demoUser().telephone == nil)
            await world.server.requestLog.clear()
            let unknown = try await world.run(["user", "edit", "--set", "shoe_size=44", "--yes"])
            #expect(unknown.status == 2)
            #expect(unknown.stderr.contains("shoe_size"))
            #expect(await world.server.requestLog.entries().allSatisfy { $0.method == "GET" })

            let profile = try #require(
                try await world.run(["billing", "--details", "--json"]).json() as? [String: Any])
            #expect(profile["id"] as? String != nil)

            let journal = try #require(try await world.run(["journal", "--json"]).json() as? [[String: Any]])
            #expect(journal.map { $0["action"] as? String } == ["user.edit", "user.edit"])
            #expect(journal.allSatisfy { $0["outcome"] as? String == "done" && $0["request_id"] as? String != nil })
            let lines = try await world.run(["journal", "--jsonl"])
            #expect(lines.lines.count == 2)
            let table = try await world.run(["journal"])
            #expect(table.stdout.contains("user.edit"))
        }
    }
}
