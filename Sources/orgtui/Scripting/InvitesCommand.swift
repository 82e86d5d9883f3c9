import APICore
import ArgumentParser

/// `orgtui invites`: invitations to you (accept, reject) and those a scope sent (send, revoke).
struct InvitesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invites", abstract: "Invitations: received ones to answer, sent ones to revoke.",
        subcommands: [List.self, Accept.self, Reject.self, Send.self, Revoke.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List invitations to you (without --account, where the provider has them) or those a scope sent.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: ScopeOptions
        @Flag(help: "The invitations the scope sent, even at the top level.") var sent = false

        func run() async throws {
            try await ScriptContext.run(connection, output: output) { context in
                let scope = try await context.scope(self.scope)
                let listing =
                    if scope.isTop, !sent, let answering = context.directory.invitationAnswering {
                        answering.receivedInvitations()
                    } else {
                        context.directory.sentInvitations(in: scope)
                    }
                try await context.print(
                    listing, columns: ScriptRecord.invitationColumns, record: ScriptRecord.init, id: \.id)
            }
        }
    }

    struct Accept: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: ScriptCatalogue.abstract("invitations.accept"))

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var confirm: ConfirmOptions
        @Argument(help: "The invitation's id.") var id: String

        func run() async throws {
            try await InvitesCommand.respond(id, .accept, connection: connection, yes: confirm.yes)
        }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: ScriptCatalogue.abstract("invitations.reject"))

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var confirm: ConfirmOptions
        @Argument(help: "The invitation's id.") var id: String

        func run() async throws {
            try await InvitesCommand.respond(id, .reject, connection: connection, yes: confirm.yes)
        }
    }

    static func respond(
        _ id: String, _ response: InvitationResponse, connection: ConnectionOptions, yes: Bool
    ) async throws {
        try await ScriptContext.run(connection) { context in
            let invitation = try await context.receivedInvitation(id)
            let name = invitation.accountName ?? invitation.accountID
            let question = response == .accept ? "Join \(name)?" : "Reject the invitation to \(name)?"
            try await context.write(
                context.session.invitations.respondWrite(invitation, response), confirm: .yesNo(question), yes: yes)
        }
    }

    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: ScriptCatalogue.abstract("members.invite"), discussion: "The same write as `members invite`.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var invitation: InvitationArguments

        func run() async throws {
            try await ScriptContext.run(connection) { context in
                try await invitation.send(context)
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: ScriptCatalogue.abstract("invitations.revoke"))

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var confirm: ConfirmOptions
        @Argument(help: "The invitation's id.") var id: String

        func run() async throws {
            try await ScriptContext.run(connection) { context in
                let scope = try await context.scope(self.scope)
                let invitation = try await context.sentInvitation(id, in: scope)
                try await context.write(
                    context.session.invitations.revokeWrite(invitation, in: scope),
                    confirm: .yesNo("Revoke the invitation of \(invitation.inviteeEmail ?? invitation.id)?"),
                    yes: confirm.yes)
            }
        }
    }
}
