/// What to do when orgtui has nothing to connect to.
enum GettingStarted {
    static let text = """
        orgtui: no credentials found.

        Try it with the built-in demo backend (no account needed):
            orgtui --demo

        Or connect to Cloudflare with an API token (it is read from the environment, never from arguments):
            export CLOUDFLARE_API_TOKEN=...        # or CLOUDFLARE_API_KEY + CLOUDFLARE_EMAIL
            orgtui

        Or add a profile to ~/.config/orgtui/config.toml whose token comes from a password manager:
            [profiles.work]
            token_command = "op read op://Private/Cloudflare/token"
        and run
            orgtui --profile work

        """
}
