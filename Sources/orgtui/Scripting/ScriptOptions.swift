import APICore
import ArgumentParser

/// Where a scripting command connects: the console's own choices (`--provider`, `--profile`, `--demo`).
struct ConnectionOptions: ParsableArguments {
    @Flag(name: .long, help: "Use the embedded demo backend (started for this command, forgotten after it).")
    var demo = false

    @Option(name: .long, help: "The provider: cloudflare, openai or keycard.")
    var provider: Provider?

    @Option(name: .long, help: "Connect with [profiles.NAME] of config.toml.")
    var profile: String?

    @Option(name: .long, help: "Base URL of the provider's API (overrides CLOUDFLARE_BASE_URL, OPENAI_BASE_URL, …).")
    var baseURL: String?

    @Flag(name: .long, help: "Refuse every write (exit code 4, nothing sent).")
    var readOnly = false

    @Option(name: .long, help: "How much goes to the log file: trace, debug, info, notice, warning, error.")
    var logLevel: String?

    func validate() throws {
        if demo && profile != nil { throw ValidationError("--demo and --profile cannot be used together") }
    }
}

/// How records are printed.
struct OutputOptions: ParsableArguments {
    @Flag(help: "One JSON document (an array of records, or one object).")
    var json = false

    @Flag(help: "One JSON record a line, streamed as pages arrive.")
    var jsonl = false

    func validate() throws {
        if json && jsonl { throw ValidationError("--json and --jsonl cannot be used together") }
    }

    var format: RecordFormat { json ? .json : jsonl ? .jsonLines : .table }
}

/// The scope a command works in: an account, organization or project, and (Keycard) a service account in it.
struct ScopeOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The account, organization or project (its id), as `orgtui accounts list` shows them.",
            valueName: "id"))
    var account: String?

    @Option(name: .customLong("service-account"), help: "A service account of --account (Keycard), by id.")
    var serviceAccount: String?
}

/// Whether a write may go ahead without asking.
struct ConfirmOptions: ParsableArguments {
    @Flag(name: [.short, .long], help: "Do it without asking (required when stdin is not a terminal).")
    var yes = false
}

/// `--enable` or `--disable`.
enum EnabledSwitch: String, EnumerableFlag {
    case enable, disable

    var isEnabled: Bool { self == .enable }

    static func help(for value: EnabledSwitch) -> ArgumentHelp? {
        value == .enable ? "Enable it." : "Disable it."
    }
}
