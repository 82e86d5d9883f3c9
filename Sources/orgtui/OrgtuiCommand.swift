import ArgumentParser
import Foundation

/// The `orgtui` command: the console by default, the scripting CLI (`orgtui <noun> <verb>`), and the demo server.
@main
struct OrgtuiCommand: AsyncParsableCommand {
    /// The release, printed by `--version`.
    static let version = "0.9.0"

    static let configuration = CommandConfiguration(
        commandName: "orgtui",
        abstract: "A terminal console for organization identity and access (Cloudflare, OpenAI Admin, Keycard).",
        discussion: """
            Start the console:
              orgtui --demo                   the embedded demo backend, no account
              orgtui --provider cloudflare    credentials from the environment
              orgtui --profile work           [profiles.work] of config.toml

            Script it: orgtui <noun> <verb> [--json | --jsonl], e.g. `orgtui members list --account ID --all --jsonl`, \
            `orgtui tokens roll ID --yes`. Writes ask first, or need --yes when stdin is not a terminal.
            Exit codes: 0 done, 1 the API refused or failed, 2 usage or configuration, 3 a write's outcome is \
            unknown, 4 refused by read-only mode.

            Credentials come from the official SDKs' environment variables (CLOUDFLARE_API_TOKEN, or \
            CLOUDFLARE_API_KEY with CLOUDFLARE_EMAIL; OPENAI_ADMIN_KEY; KEYCARD_API_API_KEY, or \
            KEYCARD_API_CLIENT_ID with KEYCARD_API_CLIENT_SECRET; and their *_BASE_URL), or a profile's \
            token_command, never from the command line.
            """,
        version: version,
        subcommands: [
            ConsoleCommand.self, AccountsCommand.self, MembersCommand.self, TokensCommand.self, InvitesCommand.self,
            UserCommand.self, AuditCommand.self, BillingCommand.self, SubscriptionsCommand.self, OrgsCommand.self,
            RolesCommand.self, SSOCommand.self, ServiceAccountsCommand.self, CredentialsCommand.self,
            IdentitiesCommand.self, PeopleCommand.self, RisksCommand.self, JournalCommand.self, InfoCommand.self,
            ConfigCommand.self,
            CompletionCommand.self, DemoServerCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self
    )

    /// Parses and runs; a usage error exits with 2, the documented code (ArgumentParser's own is 64).
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let refusal = SecretArguments.refusal(arguments) {
            FileHandle.standardError.write(Data((refusal + "\n").utf8))
            Foundation.exit(2)
        }
        do {
            let names = Set(configuration.subcommands.compactMap { $0.configuration.commandName })
            var command = try parseAsRoot(ArgumentOrder.normalized(arguments, subcommands: names))
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
