import APICore
import ArgumentParser

/// `orgtui accounts`: the rows of the Accounts pane (Cloudflare accounts, the OpenAI organization and its projects,
/// Keycard organizations).
struct AccountsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts", abstract: "Accounts, organizations and projects.", subcommands: [List.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "List the accounts (Cloudflare), the organization and its projects (OpenAI) or the organizations (Keycard)."
        )

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only names that contain this text.") var name: String?

        func run() async throws {
            try await ScriptContext.run(connection, output: output) { context in
                try await context.print(
                    context.directory.accounts(in: .top, nameFilter: name), columns: ScriptRecord.accountColumns,
                    record: ScriptRecord.init, id: \.id)
            }
        }
    }
}
