import APICore
import ArgumentParser

/// `orgtui members`: the Members pane without a screen.
struct MembersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "members", abstract: "Members of an account, organization or project.",
        subcommands: [List.self, Invite.self, Update.self, Remove.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List members (the first page; --all for every page).")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: ScopeOptions
        @Flag(help: "Every page, not only the first.") var all = false
        @Option(help: "Only members with this status (active, pending, …), filtered by the server.") var status: String?

        func run() async throws {
            try await ScriptContext.run(connection, output: output) { context in
                let scope = try await context.scope(self.scope)
                let filter = status.map { MemberStatus(label: $0) }
                try await context.print(
                    context.directory.members(in: scope, status: filter), columns: ScriptRecord.memberColumns,
                    all: all, record: ScriptRecord.init, id: \.id)
            }
        }
    }

    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: ScriptCatalogue.abstract("members.invite"),
            discussion: "Prints the invitation as `invites list` shows it. Roles by id or name.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var invitation: InvitationArguments

        func run() async throws {
            try await ScriptContext.run(connection, output: output) { context in
                try await invitation.send(context)
            }
        }
    }
}

/// What `members invite` and `invites send` take: one write, `members.invite`.
struct InvitationArguments: ParsableArguments {
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var confirm: ConfirmOptions
    @Argument(help: "The email to invite.") var email: String
    @Option(name: .customLong("role"), help: "A role to give (repeat for several where the provider allows).")
    var roles: [String] = []

    /// Sends the invitation through the write runner and prints it.
    @MainActor
    func send(_ context: ScriptContext) async throws {
        guard let inviting = context.directory.memberInviting else {
            throw ScriptFailure.usage("\(context.directory.provider.displayName) cannot invite members")
        }
        let target = try await context.scope(scope)
        guard inviting.canInvite(in: target) else {
            throw ScriptFailure.usage("inviting needs an account or organization: give it with --account ID")
        }
        guard !roles.isEmpty else { throw ScriptFailure.usage("give at least one --role") }
        let chosen = try ScriptContext.roles(roles, among: try await inviting.invitableRoles(in: target))
        if !inviting.allowsSeveralRoles && chosen.count > 1 {
            throw ScriptFailure.usage("\(context.directory.provider.displayName) gives an invitee exactly one role")
        }
        let names = chosen.map(\.name).joined(separator: ", ")
        let invitation = try await context.write(
            context.session.invitations.inviteWrite(email: email, roles: chosen, in: target),
            confirm: .yesNo("Invite \(email) \(ScriptContext.place(target)) as \(names)?"), yes: confirm.yes)
        if let invitation {
            context.printSingle(ScriptRecord(invitation, raw: context.rawObject(id: invitation.id)))
        }
    }
}

extension MembersCommand {
    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: ScriptCatalogue.abstract("members.edit"),
            discussion: """
                With --role the member ends up with exactly the roles given (by id or name); --disable / --enable \
                switch the membership (members.toggle, Keycard) and keep the role.
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var confirm: ConfirmOptions
        @Argument(help: "The member's id (or email).") var member: String
        @Option(name: .customLong("role"), help: "A role the member should hold (repeat for several).")
        var roles: [String] = []
        @Flag var status: EnabledSwitch?

        func run() async throws {
            try await ScriptContext.run(connection, output: output) { context in
                guard !roles.isEmpty || status != nil else {
                    throw ScriptFailure.usage("nothing to change: give --role, --enable or --disable")
                }
                let scope = try await context.scope(self.scope)
                let found = try await context.member(member, in: scope)
                if let enable = status?.isEnabled {
                    guard let toggling = context.directory.memberToggling, toggling.canToggle(found) else {
                        throw ScriptFailure.usage(
                            "\(context.directory.provider.displayName) cannot disable or enable this member")
                    }
                    try await context.write(
                        context.session.members.setEnabledWrite(found, enabled: enable),
                        confirm: .yesNo("\(enable ? "Enable" : "Disable") \(found.email)?"), yes: confirm.yes)
                }
                guard !roles.isEmpty else { return }
                guard let editing = context.directory.memberRoleEditing else {
                    throw ScriptFailure.usage("\(context.directory.provider.displayName) cannot change members' roles")
                }
                let chosen = try ScriptContext.roles(roles, among: try await editing.assignableRoles(for: found))
                try await context.write(
                    context.session.members.setRolesWrite(found, to: chosen),
                    confirm: .yesNo("Give \(found.email) exactly: \(chosen.map(\.name).joined(separator: ", "))?"),
                    yes: confirm.yes)
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: ScriptCatalogue.abstract("members.remove"))

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var confirm: ConfirmOptions
        @Argument(help: "The member's id (or email).") var member: String

        func run() async throws {
            try await ScriptContext.run(connection) { context in
                let scope = try await context.scope(self.scope)
                let found = try await context.member(member, in: scope)
                try await context.write(
                    context.session.members.removeWrite(found),
                    confirm: .typed(
                        question: "Remove \(found.email) \(ScriptContext.place(scope))?", name: found.email),
                    yes: confirm.yes)
            }
        }
    }
}
