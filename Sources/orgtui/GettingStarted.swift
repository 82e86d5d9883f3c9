/// What to do when orgtui has nothing to connect to.
enum GettingStarted {
    static let text = """
        orgtui: no credentials found.

        Try it with the built-in demo backend (no account needed):
            orgtui --demo                          # --provider openai or keycard for the others

        Or connect with credentials from the environment (never from arguments):
            export CLOUDFLARE_API_TOKEN=...        # Cloudflare (or CLOUDFLARE_API_KEY + CLOUDFLARE_EMAIL)
            export OPENAI_ADMIN_KEY=...            # OpenAI Admin
            export KEYCARD_API_API_KEY=...         # Keycard (or KEYCARD_API_CLIENT_ID + KEYCARD_API_CLIENT_SECRET)
            orgtui                                 # with several set: orgtui --provider cloudflare|openai|keycard

        Or add a profile to ~/.config/orgtui/config.toml whose token comes from a password manager:
            [profiles.work]
            token_command = "op read op://Private/Cloudflare/token"
        and run
            orgtui --profile work

        """
}
