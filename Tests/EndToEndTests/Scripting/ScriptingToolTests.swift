import Foundation
import Testing

/// The commands around the scripting CLI: --version, completion, info, config check, and the root help.
@Suite("Scripting CLI: tools")
struct ScriptingToolTests {
    @Test("--version, completion bash|zsh|fish, and a root --help that shows how to start the console")
    func versionCompletionHelp() async throws {
        try await withCLIWorld { world in
            let version = try await world.run(["--version"])
            #expect(version.status == 0)
            #expect(version.stdout.split(separator: ".").count == 3)
            for shell in ["bash", "zsh", "fish"] {
                let script = try await world.run(["completion", shell])
                #expect(script.status == 0)
                #expect(script.stdout.contains("orgtui"))
                #expect(script.stdout.contains("members"))
            }
            #expect(try await world.run(["completion", "tcsh"]).status == 2)
            let help = try await world.run(["--help"])
            #expect(help.stdout.contains("orgtui --demo"))
            #expect(help.stdout.contains("tokens"))
            #expect(help.stdout.contains("Exit codes"))
        }
    }

    @Test(
        "the man page's source (--experimental-dump-help) holds every subcommand; a write's help is its catalogue entry's title"
    )
    func manualSource() async throws {
        try await withCLIWorld { world in
            let dump = try await world.run(["--experimental-dump-help"])
            #expect(dump.status == 0)
            for command in [
                "accounts", "members", "tokens", "invites", "user", "audit", "billing", "subscriptions", "orgs",
                "roles",
                "sso", "service-accounts", "credentials", "identities", "journal", "info", "config", "completion",
            ] {
                #expect(dump.stdout.contains("\"commandName\" : \"\(command)\""), "\(command)")
            }
            let roll = try await world.run(["tokens", "roll", "--help"])
            #expect(roll.stdout.contains("(tokens.roll)"))
        }
    }

    @Test("A secret on the command line is refused before anything is parsed or sent, and never echoed")
    func secretsOnTheCommandLineAreRefused() async throws {
        try await withCLIWorld { world in
            let secret = "sk-admin-\(UUID().uuidString)"
            let lines: [[String]] = [
                ["tokens", "list", "--token", secret], ["--api-key=\(secret)", "accounts", "list"],
                ["sso", "update", "--account", "x", "--client-secret", secret, "--yes"],
                ["members", "list", "--password", secret],
            ]
            let before = await world.server.requestLog.entries().count
            for arguments in lines {
                let run = try await world.run(arguments)
                #expect(run.status == 2, "\(arguments.first ?? ""): exit \(run.status)")
                #expect(run.stderr.contains("is refused") && run.stderr.contains("Nothing was sent"))
                #expect(!run.stderr.contains(secret) && !run.stdout.contains(secret), "the secret was echoed")
            }
            #expect(await world.server.requestLog.entries().count == before, "nothing reached the server")
            // The demo backend's own --token is a made-up value, not a credential: still taken.
            let help = try await world.run(["demo-server", "--token", "demo", "--help"])
            #expect(help.status == 0)
        }
    }

    @Test("the console's options may come before the command: orgtui --provider keycard accounts list")
    func optionsBeforeTheCommand() async throws {
        try await withCLIWorld { world in
            let result = try await world.run(
                ["--provider", "keycard", "accounts", "list", "--json"], provider: "keycard")
            #expect(result.status == 0, "\(result.stderr)")
            let records = try #require(try result.json() as? [[String: Any]])
            #expect(records.contains { $0["name"] as? String == "Acme Robotics" })
        }
    }

    @Test("info names the config, log and journal paths and the provider it would use")
    func info() async throws {
        try await withCLIWorld { world in
            let info = try await world.run(["info", "--json"])
            #expect(info.status == 0)
            let fields = try #require(try info.json() as? [String: Any])
            #expect(fields["journal"] as? String == world.journal.path)
            #expect((fields["config"] as? String)?.hasPrefix(world.home.path) == true)
            #expect(fields["provider"] as? String == "Cloudflare")
        }
    }

    @Test(
        "config check names an unknown key and a bad binding with their lines, and a world-readable literal token_command"
    )
    func configCheck() async throws {
        try await withCLIWorld { world in
            let folder = world.home.appendingPathComponent("config/orgtui")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let file = folder.appendingPathComponent("config.toml")
            try """
            theme = "light"
            colour = "red"

            [profiles.work]
            provider = "cloudflare"
            token_command = "echo abcdefghijklmnop"

            [keys]
            "nope.action" = "x"
            """.write(to: file, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
            let check = try await world.run(["config", "check"])
            #expect(check.status == 1)
            #expect(check.stdout.contains("config.toml:2:"))
            #expect(check.stdout.contains("colour"))
            #expect(check.stdout.contains("config.toml:9:"))
            #expect(check.stdout.contains("nope.action"))
            #expect(check.stdout.contains("config.toml:6:"))
            #expect(check.stdout.contains("token_command"))
            #expect(!check.stdout.contains("abcdefghijklmnop"))
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
            try "theme = \"light\"\n".write(to: file, atomically: true, encoding: .utf8)
            let clean = try await world.run(["config", "check"])
            #expect(clean.status == 0)
            try "theme = [\n".write(to: file, atomically: true, encoding: .utf8)
            #expect(try await world.run(["config", "check"]).status == 2)
        }
    }
}
