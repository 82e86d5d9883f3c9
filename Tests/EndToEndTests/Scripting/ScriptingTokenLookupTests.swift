import Foundation
import Testing

/// A token id is enough: without `--account`, an account's token is found among the accounts.
@Suite("Scripting CLI: tokens found by id alone")
struct ScriptingTokenLookupTests {
    @Test("tokens roll ID finds an account's token without --account and rolls it there")
    func accountTokenByID() async throws {
        try await withCLIWorld { world in
            let acme = try await ScriptingReadTests.accountID(named: "Acme Corp", in: world)
            let tokens = try #require(
                try await world.run(["tokens", "list", "--account", acme, "--json"]).json() as? [[String: Any]])
            let id = try #require(tokens.first { $0["name"] as? String == "terraform" }?["id"] as? String)
            let rolled = try await world.run(["tokens", "roll", id, "--yes"])
            #expect(rolled.status == 0, "\(rolled.stderr)")
            #expect(rolled.lines.count == 1)
            #expect(
                await world.server.requestLog.entries().contains {
                    $0.method == "PUT" && $0.path.hasSuffix("/accounts/\(acme)/tokens/\(id)/value")
                })
            let unknown = try await world.run(["tokens", "roll", "no-such-token", "--yes"])
            #expect(unknown.status == 1)
            #expect(unknown.stderr.contains("no-such-token"))
        }
    }
}
