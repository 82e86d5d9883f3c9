import APICore
import ArgumentParser

/// `orgtui billing`: the billing history, or with `--details` the billing profile.
struct BillingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "billing", abstract: "Your billing history (Cloudflare), or your billing profile with --details.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "The billing profile instead of the history.") var details = false

    func run() async throws {
        try await ScriptContext.run(connection, output: output) { context in
            guard let billing = context.directory.billingReading else {
                throw ScriptFailure.usage("\(context.directory.provider.displayName) has no billing here")
            }
            if details {
                let fields = try await billing.billingProfile()
                context.printSingle(
                    ScriptRecord(fields.map { (ScriptRecord.fieldName($0.label), .text($0.value)) }))
                return
            }
            try await context.printLedger(billing.billingHistory())
        }
    }
}

/// `orgtui service-accounts`: an organization's service accounts (Keycard).
struct ServiceAccountsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "service-accounts", abstract: "The service accounts of an organization (--account ORG).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var scope: ScopeOptions

    func run() async throws {
        try await ScriptContext.run(connection, output: output) { context in
            let scope = try await context.scope(self.scope)
            guard scope.node(.organization) != nil, scope.node(.serviceAccount) == nil else {
                throw ScriptFailure.usage("service accounts belong to an organization: give it with --account ID")
            }
            let rows = try await context.all(context.directory.tokens(in: scope)).filter { $0.kind == .serviceAccount }
            let printer = context.printer(columns: ["id", "name", "status", "issued_on"])
            printer.add(rows.map { ScriptRecord($0, raw: context.rawObject(id: $0.id)) })
            printer.finish()
        }
    }
}

/// `orgtui credentials`: a service account's credentials (Keycard).
struct CredentialsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credentials",
        abstract: "The credentials of a service account (--account ORG --service-account ID).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var scope: ScopeOptions

    func run() async throws {
        try await ScriptContext.run(connection, output: output) { context in
            let scope = try await context.scope(self.scope)
            guard scope.node(.serviceAccount) != nil else {
                throw ScriptFailure.usage(
                    "credentials belong to a service account: give --account and --service-account")
            }
            try await context.print(
                context.directory.tokens(in: scope), columns: ScriptRecord.tokenColumns, record: ScriptRecord.init,
                id: \.id)
        }
    }
}

/// `orgtui identities`: members and pending invitations of a scope in one list.
struct IdentitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identities",
        abstract: "Members and pending invitations of an organization or account in one list (--account ID).",
        discussion: """
            Keycard: the organization's identities endpoint (type, email, role, status, source). Elsewhere: the \
            members and the pending sent invitations of the scope.
            """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var scope: ScopeOptions

    func run() async throws {
        try await ScriptContext.run(connection, output: output) { context in
            let scope = try await context.scope(self.scope)
            if let listing = context.directory.identityListing {
                return try await context.printLedger(listing.identities(in: scope))
            }
            let printer = context.printer(columns: ["id", "kind", "email", "status", "roles"])
            let members = try await context.all(context.directory.members(in: scope, status: nil))
            printer.add(
                members.map { member in
                    var record = ScriptRecord(member, raw: context.rawObject(id: member.id))
                    record.fields.insert((name: "kind", value: .text("member")), at: 1)
                    return record
                })
            if !context.directory.sentInvitationsAreMembers {
                let invitations = try await context.all(context.directory.sentInvitations(in: scope))
                printer.add(
                    invitations.filter { $0.status == .pending }.map { invitation in
                        ScriptRecord(
                            [
                                ("id", .text(invitation.id)), ("kind", .text("invitation")),
                                ("email", .text(invitation.inviteeEmail)), ("name", .text(nil)),
                                ("status", .text(invitation.status.label)), ("roles", .list(invitation.roles)),
                            ], raw: context.rawObject(id: invitation.id))
                    })
            }
            printer.finish()
        }
    }
}

extension ScriptContext {
    /// Prints every row of a provider's read-only list, its columns as fields.
    func printLedger(_ ledger: Ledger) async throws {
        try await print(
            ledger.listing, columns: ["id"] + ledger.columns.map(ScriptRecord.fieldName).filter { $0 != "id" },
            record: { entry, raw in ScriptRecord(entry, columns: ledger.columns, raw: raw) }, id: \.id)
    }
}
