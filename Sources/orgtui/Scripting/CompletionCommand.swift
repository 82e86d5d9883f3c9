import ArgumentParser

/// `orgtui completion bash|zsh|fish`: the shell completion script, generated from the command definitions.
struct CompletionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completion",
        abstract: "Print the completion script of a shell: bash, zsh or fish.",
        discussion: """
            bash: source <(orgtui completion bash)
            zsh:  orgtui completion zsh > "${fpath[1]}/_orgtui"
            fish: orgtui completion fish > ~/.config/fish/completions/orgtui.fish
            """)

    @Argument(help: "bash, zsh or fish.") var shell: String

    func run() throws {
        guard let kind = CompletionShell(rawValue: shell) else {
            throw ValidationError("no completion for '\(shell)': choose bash, zsh or fish")
        }
        print(OrgtuiCommand.completionScript(for: kind))
    }
}
