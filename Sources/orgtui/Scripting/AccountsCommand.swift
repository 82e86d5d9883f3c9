import APICore
import ArgumentParser

/// `orgtui accounts`: the rows of the Accounts pane (Cloudflare accounts, the OpenAI organization and its projects,
/// Keycard organizations).
struct AccountsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts", abstract: "Accounts, organizations and projects.",
        subcommands: [List.self, Get.self, Create.self, Update.self, Delete.self, Token.self])

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

extension AccountsCommand {
    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One account or organization with every field, read fresh from the API.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The account's or organization's id.") var id: String

        func run() async throws {
            try await ScriptContext.run(connection, output: output) { context in
                guard let admin = context.directory.accountAdministering else {
                    throw ScriptFailure.usage("\(context.directory.provider.displayName) has no account details")
                }
                let account = try await context.account(id)
                let fields = try await admin.accountDetails(account)
                var record = ScriptRecord(account, raw: context.rawObject(id: account.id))
                record.append(fields)
                context.printSingle(record)
            }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account or organization (accounts.create).")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var confirm: ConfirmOptions
        @Argument(help: "Its name.") var name: String

        func run() async throws {
            try await ScriptContext.run(connection, output: output) { context in
                let created = try await context.write(
                    context.session.accounts.createWrite(name: name), confirm: .yesNo("Create '\(name)'?"),
                    yes: confirm.yes)
                if let created { context.printSingle(ScriptRecord(created, raw: context.rawObject(id: created.id))) }
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: ScriptCatalogue.abstract("accounts.edit"))

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var confirm: ConfirmOptions
        @Argument(help: "The account's or organization's id.") var id: String
        @Option(help: "A new name.") var name: String?
        @Option(name: .customLong("enforce-two-factor"), help: "true or false (Cloudflare accounts).")
        var enforceTwoFactor: Bool?

        func run() async throws {
            try await ScriptContext.run(connection) { context in
                guard name != nil || enforceTwoFactor != nil else {
                    throw ScriptFailure.usage("nothing to change: give --name or --enforce-two-factor")
                }
                let account = try await context.account(id)
                try await context.write(
                    context.session.accounts.updateWrite(account, name: name, enforceTwoFactor: enforceTwoFactor),
                    confirm: .yesNo("Change '\(account.name)'?"), yes: confirm.yes)
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: ScriptCatalogue.abstract("accounts.delete"))

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var confirm: ConfirmOptions
        @Argument(help: "The account's id.") var id: String

        func run() async throws {
            try await ScriptContext.run(connection) { context in
                let account = try await context.account(id)
                try await context.write(
                    context.session.accounts.deleteWrite(account),
                    confirm: .typed(question: "Delete '\(account.name)' with everything in it?", name: account.name),
                    yes: confirm.yes)
            }
        }
    }
}

extension AccountsCommand {
    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: ScriptCatalogue.abstract("tokens.exchange"),
            discussion: "The access token goes to stdout alone (Keycard: POST /organizations/{id}/token).")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var confirm: ConfirmOptions
        @Argument(help: "The organization's id.") var id: String

        func run() async throws {
            try await ScriptContext.run(connection) { context in
                guard context.directory.tokenExchanging != nil else {
                    throw ScriptFailure.usage("\(context.directory.provider.displayName) has no token exchange")
                }
                let organization = try await context.account(id)
                guard let node = organization.scopeNode, node.kind == .organization else {
                    throw ScriptFailure.usage("\(organization.name) is not an organization")
                }
                let tokens = context.session.tokens
                try await context.write(
                    tokens.exchangeWrite(for: node),
                    confirm: .yesNo("Issue an access token for \(organization.name)?"), yes: confirm.yes)
                context.printSecret(tokens.reveal?.secret)
                tokens.dismissReveal()
            }
        }
    }
}
