/// Refuses a secret given on the command line, before anything parses (or echoes) it: a shell's history, `ps` and
/// a CI log would keep it. Credentials come from the SDKs' environment variables or a profile's `token_command`; an
/// SSO client secret from stdin.
enum SecretArguments {
    /// Option names that would carry a secret (with `--name value` or `--name=value`).
    static let names: Set<String> = [
        "--token", "--api-token", "--api-key", "--key", "--admin-key", "--secret", "--client-secret", "--password",
        "--bearer",
    ]

    /// Subcommands whose own `--token` is no secret (`demo-server --token`: the demo backend's made-up token).
    static let exempt: Set<String> = ["demo-server"]

    /// Why `arguments` (without the program name) are refused, naming the option but never its value; nil when they
    /// hold no secret option.
    static func refusal(_ arguments: [String]) -> String? {
        guard !arguments.contains(where: exempt.contains) else { return nil }
        for argument in arguments {
            let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
            guard names.contains(name) else { continue }
            return "orgtui: \(name) is refused: a secret on the command line stays in the shell's history and in "
                + "`ps`. Set the provider's environment variable (CLOUDFLARE_API_TOKEN, OPENAI_ADMIN_KEY, "
                + "KEYCARD_API_API_KEY), a profile's token_command, or for an SSO client secret "
                + "--client-secret-stdin. Nothing was sent."
        }
        return nil
    }
}
