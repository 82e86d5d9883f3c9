import APICore
import ArgumentParser
import Foundation

/// `orgtui sso`: an organization's SSO connection (Keycard): show, enable, update, disable.
struct SSOCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sso", abstract: "The SSO connection of an organization (--account ORG).",
        discussion: "A client secret is read from stdin (--client-secret-stdin), never from the command line.",
        subcommands: [Show.self, Enable.self, Update.self, Disable.self], defaultSubcommand: Show.self)

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the connection (its client secret never).")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: ScopeOptions

        func run() async throws {
            try await ScriptContext.run(connection, output: output) { context in
                let (sso, organization) = try await SSOCommand.organization(scope, context)
                guard let connection = try await sso.ssoConnection(organizationID: organization.id) else {
                    StandardError.write("orgtui: SSO is off for \(organization.name)")
                    return
                }
                context.printSingle(ScriptRecord(connection, raw: context.rawObject(id: connection.id)))
            }
        }
    }

    /// The settings every write takes.
    struct Settings: ParsableArguments {
        @Option(help: "The identity provider's issuer URL (https://…).") var issuer: String?
        @Option(name: .customLong("client-id"), help: "The OAuth client id at the identity provider.")
        var clientID: String?
        @Flag(name: .customLong("client-secret-stdin"), help: "Read the client secret from stdin (one line).")
        var clientSecretFromStdin = false
        @Option(name: .customLong("authorization-endpoint"), help: "OAuth 2 authorization endpoint ('' clears it).")
        var authorizationEndpoint: String?
        @Option(name: .customLong("token-endpoint"), help: "OAuth 2 token endpoint ('' clears it).")
        var tokenEndpoint: String?
        @Option(name: .customLong("userinfo-endpoint"), help: "OpenID userinfo endpoint ('' clears it).")
        var userinfoEndpoint: String?
        @Option(name: .customLong("scope"), help: "A scope to request (repeat; replaces the list).")
        var scopes: [String] = []

        /// The settings, the secret read from stdin when asked.
        func settings() throws -> SSOSettings {
            var secret: Secret?
            if clientSecretFromStdin {
                guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                    throw ScriptFailure.usage("--client-secret-stdin: stdin held no secret")
                }
                secret = Secret(line)
            }
            return SSOSettings(
                issuer: issuer, clientID: clientID, clientSecret: secret, authorizationEndpoint: authorizationEndpoint,
                tokenEndpoint: tokenEndpoint, userinfoEndpoint: userinfoEndpoint, scopes: scopes.isEmpty ? nil : scopes)
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable SSO (sso.enable): --issuer and --client-id.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var confirm: ConfirmOptions
        @OptionGroup var options: Settings

        func run() async throws {
            try await ScriptContext.run(connection) { context in
                let (_, organization) = try await SSOCommand.organization(scope, context)
                guard options.issuer != nil, options.clientID != nil else {
                    throw ScriptFailure.usage("enabling SSO needs --issuer and --client-id")
                }
                let settings = try options.settings()
                await context.session.sso.load(organization).value
                try await context.write(
                    context.session.sso.enableWrite(settings),
                    confirm: .yesNo("Enable SSO for \(organization.name): every member signs in through it?"),
                    yes: confirm.yes)
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change the SSO settings (sso.update).")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var confirm: ConfirmOptions
        @OptionGroup var options: Settings

        func run() async throws {
            try await ScriptContext.run(connection) { context in
                let (_, organization) = try await SSOCommand.organization(scope, context)
                let settings = try options.settings()
                guard
                    settings.issuer != nil || settings.clientID != nil || settings.clientSecret != nil
                        || settings.changesProtocols
                else { throw ScriptFailure.usage("nothing to change: give a setting to change") }
                await context.session.sso.load(organization).value
                try await context.write(
                    context.session.sso.updateWrite(settings),
                    confirm: .yesNo("Change the SSO settings of \(organization.name)?"), yes: confirm.yes)
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable SSO (sso.disable).")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var confirm: ConfirmOptions

        func run() async throws {
            try await ScriptContext.run(connection) { context in
                let (_, organization) = try await SSOCommand.organization(scope, context)
                await context.session.sso.load(organization).value
                try await context.write(
                    context.session.sso.disableWrite(),
                    confirm: .yesNo("Disable SSO for every member of \(organization.name)?"), yes: confirm.yes)
            }
        }
    }

    /// The provider's SSO operations and the organization `--account` names.
    @MainActor
    static func organization(_ scope: ScopeOptions, _ context: ScriptContext) async throws
        -> (any SSOManaging, ScopeNode)
    {
        guard let sso = context.directory.ssoManaging else {
            throw ScriptFailure.usage("\(context.directory.provider.displayName) has no SSO settings")
        }
        guard let organization = try await context.scope(scope).node(.organization) else {
            throw ScriptFailure.usage("SSO belongs to an organization: give it with --account ID")
        }
        return (sso, organization)
    }
}
