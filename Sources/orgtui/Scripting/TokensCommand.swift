import APICore
import ArgumentParser
import Foundation

/// `orgtui tokens`: the Tokens pane without a screen (API tokens, admin and project keys, service accounts,
/// credentials).
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens", abstract: "Tokens, keys, service accounts and credentials.",
        subcommands: [
            List.self, Get.self, Create.self, Update.self, Roll.self, Rotate.self, Delete.self,
        ])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the tokens of the top level (yours), an account, a project or a service account.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: ScopeOptions

        func run() async throws {
            try await ScriptContext.run(connection, output: output) { context in
                let scope = try await context.scope(self.scope)
                try await context.print(
                    context.directory.tokens(in: scope), columns: ScriptRecord.tokenColumns,
                    record: ScriptRecord.init, id: \.id)
            }
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One token, read fresh from the API (not the list's copy).")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: ScopeOptions
        @Argument(help: "The token's id.") var id: String

        func run() async throws {
            try await ScriptContext.run(connection, output: output) { context in
                let listed = try await context.token(id, in: self.scope)
                let fresh = try await context.directory.token(listed)
                context.printSingle(ScriptRecord(fresh, raw: context.rawObject(id: fresh.id)))
            }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: ScriptCatalogue.abstract("tokens.create"),
            discussion: """
                The new secret goes to stdout alone (shown once); everything else goes to stderr. Keycard: in an \
                organization it creates a service account (printed as a record: it holds no secret), with \
                --service-account a credential (its secret on stdout).
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var confirm: ConfirmOptions
        @Option(help: "The token's name.") var name: String
        @Option(name: .customLong("permission"), help: "A permission group, by id or name (repeat for several).")
        var permissions: [String] = []
        @Option(name: .customLong("deny"), help: "A permission group to deny (a deny policy; repeat).")
        var denied: [String] = []
        @Flag(help: "Grant the permissions on every account, not only --account.") var allAccounts = false
        @Option(help: "When it stops working (YYYY-MM-DD).") var expires: String?
        @Option(name: .customLong("allow-ip"), help: "An IP range it may be used from (repeat).")
        var allowedIPs: [String] = []
        @Option(help: "A description (Keycard).") var description: String?

        func run() async throws {
            try await ScriptContext.run(connection) { context in
                guard let creating = context.directory.tokenCreating else {
                    throw ScriptFailure.usage("\(context.directory.provider.displayName) cannot create tokens")
                }
                let scope = try await context.scope(self.scope)
                guard creating.canCreateToken(in: scope) else {
                    throw ScriptFailure.usage("a token cannot be created \(ScriptContext.place(scope))")
                }
                let offered = creating.draftFields(in: scope)
                if !offered.contains(.permissions) && !permissions.isEmpty {
                    throw ScriptFailure.usage("tokens here take no --permission")
                }
                if offered.contains(.permissions) && permissions.isEmpty {
                    throw ScriptFailure.usage("give at least one --permission (see the console's token form)")
                }
                let groups = offered.contains(.permissions) ? try await creating.permissionGroups(for: scope) : []
                let chosen = try ScriptContext.groups(permissions, among: groups)
                let deniedGroups = try ScriptContext.groups(denied, among: groups)
                var expiresOn: Date?
                if let expires {
                    guard let date = JournalCommand.date(expires) else {
                        throw ScriptFailure.usage("--expires \(expires): not a date (YYYY-MM-DD)")
                    }
                    expiresOn = date
                }
                let draft = TokenDraft(
                    name: name, permissionGroups: chosen,
                    resources: allAccounts || scope.node(.account) == nil ? .allAccounts : .scopedAccount,
                    expiresOn: expiresOn, allowedIPRanges: allowedIPs, description: description,
                    deniedGroups: deniedGroups)
                let issued = try await context.write(
                    context.session.tokens.createWrite(draft, in: scope),
                    confirm: .yesNo("Create '\(name)' \(ScriptContext.place(scope))?"), yes: confirm.yes)
                if let issued, issued.secret.count == 0 {
                    context.printSingle(ScriptRecord(issued.token, raw: context.rawObject(id: issued.token.id)))
                }
                context.printSecret(context.session.tokens.reveal?.secret)
                context.session.tokens.dismissReveal()
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: ScriptCatalogue.abstract("tokens.edit"),
            discussion: "--enable / --disable alone switch the token; with a name or expiry they are saved together.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var confirm: ConfirmOptions
        @Argument(help: "The token's id.") var id: String
        @Option(help: "A new name.") var name: String?
        @Flag var status: EnabledSwitch?
        @Option(help: "A new expiry (YYYY-MM-DD), or 'never'.") var expires: String?
        @Option(help: "A new description (Keycard).") var description: String?
        @Option(
            name: .customLong("permission"),
            help: "Allow this permission group (repeat): the token's policies are rebuilt from --permission and --deny."
        )
        var permissions: [String] = []
        @Option(name: .customLong("deny"), help: "Deny this permission group (repeat).") var denied: [String] = []
        @Flag(help: "With --permission: on every account, not only the token's own.") var allAccounts = false

        func run() async throws {
            try await ScriptContext.run(connection, output: output) { context in
                let token = try await context.token(id, in: self.scope)
                let tokens = context.session.tokens
                let enable = status?.isEnabled
                let regrants = !permissions.isEmpty || !denied.isEmpty
                if name == nil && expires == nil && description == nil && !regrants, let enable {
                    try await context.write(
                        tokens.setEnabledWrite(token, enabled: enable),
                        confirm: .yesNo("\(enable ? "Enable" : "Disable") '\(token.name)'?"), yes: confirm.yes)
                    return
                }
                guard name != nil || expires != nil || description != nil || regrants else {
                    throw ScriptFailure.usage(
                        "nothing to change: give --name, --expires, --description, --enable or --disable")
                }
                var edit = TokenEdit(name: name, enabled: enable, description: description)
                if regrants {
                    guard let creating = context.directory.tokenCreating, let editing = context.directory.tokenEditing,
                        editing.editFields(of: token).contains(.permissions)
                    else { throw ScriptFailure.usage("this token's permissions cannot be changed") }
                    let groups = try await creating.permissionGroups(for: token.owner)
                    // Bound where the token is bound now, unless --all-accounts widens it.
                    let current = editing.grants(of: token, among: groups)?.resources ?? .allAccounts
                    edit.grants = TokenGrants(
                        allowed: try ScriptContext.groups(permissions, among: groups),
                        denied: try ScriptContext.groups(denied, among: groups),
                        resources: allAccounts ? .allAccounts : current)
                }
                if let expires {
                    if expires == "never" {
                        edit.expiresOn = .clear
                    } else if let date = JournalCommand.date(expires) {
                        edit.expiresOn = .set(Timestamp.format(date))
                    } else {
                        throw ScriptFailure.usage("--expires \(expires): not a date (YYYY-MM-DD) or 'never'")
                    }
                }
                try await context.write(
                    tokens.editWrite(token, edit), confirm: .yesNo("Save the changes to '\(token.name)'?"),
                    yes: confirm.yes)
            }
        }
    }

    struct Roll: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: ScriptCatalogue.abstract("tokens.roll"),
            discussion: "The new secret goes to stdout alone; the old one stops working at once.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var confirm: ConfirmOptions
        @Argument(help: "The token's id.") var id: String

        func run() async throws {
            try await ScriptContext.run(connection) { context in
                let token = try await context.token(id, in: self.scope)
                let tokens = context.session.tokens
                try await context.write(
                    tokens.rollWrite(token),
                    confirm: .yesNo("Roll '\(token.name)'? Its current secret stops working at once."),
                    yes: confirm.yes)
                context.printSecret(tokens.reveal?.secret)
                tokens.dismissReveal()
            }
        }
    }

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: ScriptCatalogue.abstract("tokens.rotate"),
            discussion: """
                Creates the replacement (its secret goes to stdout alone, at once), then deletes the old key. If the \
                delete fails, both keys stay valid and the command exits 1.
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var confirm: ConfirmOptions
        @Argument(help: "The key's id.") var id: String

        func run() async throws {
            try await ScriptContext.run(connection) { context in
                let token = try await context.token(id, in: self.scope)
                let tokens = context.session.tokens
                defer { tokens.closeRotation() }
                try await context.write(
                    tokens.createReplacementWrite(token),
                    confirm: .yesNo("Rotate '\(token.name)': create a replacement, then delete it?"),
                    yes: confirm.yes)
                // The secret is out before the old key goes, so a failed delete loses nothing.
                if let secret = tokens.rotation?.secret, let value = secret.reveal() {
                    StandardOutput.write(value + "\n")
                }
                try await context.write(tokens.deleteOldKeyWrite(), confirm: .yesNo(""), yes: true)
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: ScriptCatalogue.abstract("tokens.delete"))

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var confirm: ConfirmOptions
        @Argument(help: "The token's id.") var id: String

        func run() async throws {
            try await ScriptContext.run(connection) { context in
                let token = try await context.token(id, in: self.scope)
                try await context.write(
                    context.session.tokens.deleteWrite(token),
                    confirm: .typed(question: "Delete '\(token.name)'? It stops working at once.", name: token.name),
                    yes: confirm.yes)
            }
        }
    }
}
