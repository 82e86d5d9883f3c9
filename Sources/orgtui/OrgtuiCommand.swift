import ArgumentParser

/// The `orgtui` command: the console by default, plus the standalone demo server.
@main
struct OrgtuiCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orgtui",
        abstract: "A terminal console for organization identity and access (Cloudflare, OpenAI Admin, Keycard).",
        discussion: """
            Credentials come from the official SDKs' environment variables (CLOUDFLARE_API_TOKEN, or \
            CLOUDFLARE_API_KEY with CLOUDFLARE_EMAIL; OPENAI_ADMIN_KEY; KEYCARD_API_API_KEY, or \
            KEYCARD_API_CLIENT_ID with KEYCARD_API_CLIENT_SECRET; and their *_BASE_URL), never from the command line.
            Try it without an account: orgtui --demo
            """,
        subcommands: [ConsoleCommand.self, DemoServerCommand.self, JournalCommand.self],
        defaultSubcommand: ConsoleCommand.self
    )
}
