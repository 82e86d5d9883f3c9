import APICore
import ArgumentParser
import ConsoleModel

/// `orgtui subscriptions`: the user's subscriptions, or an account's; create, change and cancel them.
struct SubscriptionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subscriptions", abstract: "Subscriptions: yours, or an account's with --account.",
        subcommands: [List.self, Get.self, Create.self, Update.self, Delete.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the subscriptions.")
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: ScopeOptions

        func run() async throws {
            try await ScriptContext.run(connection, output: output) { context in
                guard let billing = context.directory.billingReading else {
                    throw ScriptFailure.usage("\(context.directory.provider.displayName) has no subscriptions here")
                }
                try await context.printLedger(billing.subscriptions(in: try await context.scope(scope)))
            }
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One account subscription, read fresh.")
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: ScopeOptions
        @Argument(help: "The subscription's id.") var id: String

        func run() async throws {
            try await ScriptContext.run(connection, output: output) { context in
                guard let billing = context.directory.billingReading else {
                    throw ScriptFailure.usage("\(context.directory.provider.displayName) has no subscriptions here")
                }
                let ledger = billing.subscriptions(in: try await context.scope(scope))
                try await context.printEntry(id, of: ledger)
            }
        }
    }

    /// `--frequency` and `--rate-plan`, as the form's field changes.
    struct Change: ParsableArguments {
        @Option(help: "weekly, monthly, quarterly or yearly.") var frequency: String?
        @Option(name: .customLong("rate-plan"), help: "The rate plan's id.") var ratePlan: String?

        var changes: [String: FieldChange] {
            var changes: [String: FieldChange] = [:]
            if let frequency { changes["frequency"] = .set(frequency) }
            if let ratePlan { changes["rate_plan"] = .set(ratePlan) }
            return changes
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Subscribe an account (subscriptions.create).")
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var confirm: ConfirmOptions
        @OptionGroup var change: Change

        func run() async throws {
            try await ScriptContext.run(connection, output: output) { context in
                let scope = try await context.scope(self.scope)
                guard context.directory.subscriptionManaging?.canCreateSubscription(in: scope) == true else {
                    throw ScriptFailure.usage("subscriptions are created in an account: give it with --account ID")
                }
                guard change.ratePlan != nil else { throw ScriptFailure.usage("give the --rate-plan to subscribe to") }
                let created = try await context.write(
                    context.session.records.createSubscriptionWrite(change.changes, in: scope),
                    confirm: .yesNo("Subscribe \(ScriptContext.place(scope)) to \(change.ratePlan ?? "")?"),
                    yes: confirm.yes)
                let columns = context.directory.billingReading?.subscriptions(in: scope).columns ?? []
                if let created {
                    context.printSingle(ScriptRecord(created, columns: columns, raw: context.rawObject(id: created.id)))
                }
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a subscription (subscriptions.update).")
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var confirm: ConfirmOptions
        @OptionGroup var change: Change
        @Argument(help: "The subscription's id.") var id: String

        func run() async throws {
            try await ScriptContext.run(connection) { context in
                guard !change.changes.isEmpty else {
                    throw ScriptFailure.usage("nothing to change: give --frequency or --rate-plan")
                }
                let scope = try await context.scope(self.scope)
                try await context.write(
                    context.session.records.updateSubscriptionWrite(id: id, change.changes, in: scope),
                    confirm: .yesNo("Change the subscription \(id)?"), yes: confirm.yes)
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cancel a subscription (subscriptions.delete).")
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var confirm: ConfirmOptions
        @Argument(help: "The subscription's id.") var id: String

        func run() async throws {
            try await ScriptContext.run(connection) { context in
                let scope = try await context.scope(self.scope)
                try await context.write(
                    context.session.records.deleteSubscriptionWrite(id: id, in: scope),
                    confirm: .typed(question: "Cancel the subscription \(id)?", name: id), yes: confirm.yes)
            }
        }
    }
}

/// `orgtui orgs`: the legacy organizations the user belongs to.
struct OrgsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orgs", abstract: "The organizations you belong to (Cloudflare's legacy organizations).",
        subcommands: [List.self, Get.self, Leave.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List them.")
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await ScriptContext.run(connection, output: output) { context in
                try await context.printLedger(try OrgsCommand.leaving(context).legacyOrganizations())
            }
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One organization, read fresh.")
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The organization's id.") var id: String

        func run() async throws {
            try await ScriptContext.run(connection, output: output) { context in
                try await context.printEntry(id, of: try OrgsCommand.leaving(context).legacyOrganizations())
            }
        }
    }

    struct Leave: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Leave an organization (organizations.leave).")
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var confirm: ConfirmOptions
        @Argument(help: "The organization's id.") var id: String

        func run() async throws {
            try await ScriptContext.run(connection) { context in
                let ledger = try OrgsCommand.leaving(context).legacyOrganizations()
                guard let row = try await context.all(ledger.listing).first(where: { $0.id == id }) else {
                    throw ScriptFailure.failed("you belong to no organization with the id \(id) (see orgtui orgs)")
                }
                let name = row.cells.first ?? id
                try await context.write(
                    context.session.records.leaveWrite(RecordRow(ledger: row)),
                    confirm: .typed(question: "Leave \(name)? Only a new invitation brings you back.", name: name),
                    yes: confirm.yes)
            }
        }
    }

    @MainActor
    static func leaving(_ context: ScriptContext) throws -> any OrganizationLeaving {
        guard let leaving = context.directory.organizationLeaving else {
            throw ScriptFailure.usage("\(context.directory.provider.displayName) has no legacy organizations")
        }
        return leaving
    }
}

/// `orgtui roles`: the roles members can be given; `roles get` reads one with its permissions.
struct RolesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roles",
        abstract: "The roles of an account (--account) or of the organization, custom ones included.",
        subcommands: [List.self, Get.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the roles.")
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: ScopeOptions

        func run() async throws {
            try await ScriptContext.run(connection, output: output) { context in
                let scope = try await context.scope(self.scope)
                let roles: [Role]
                if scope.isTop, let assigning = context.directory.memberRoleAssigning {
                    roles = try await assigning.assignableRoles()
                } else if let inviting = context.directory.memberInviting, inviting.canInvite(in: scope) {
                    roles = try await inviting.invitableRoles(in: scope)
                } else {
                    throw ScriptFailure.usage("roles belong to an account or organization: give it with --account ID")
                }
                let printer = context.printer(columns: ScriptRecord.roleColumns)
                printer.add(roles.map { ScriptRecord($0, raw: context.rawObject(id: $0.id)) })
                printer.finish()
            }
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One role of an account with its permissions, read fresh.")
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: ScopeOptions
        @Argument(help: "The role's id.") var id: String

        func run() async throws {
            try await ScriptContext.run(connection, output: output) { context in
                guard let reading = context.directory.roleReading else {
                    throw ScriptFailure.usage("\(context.directory.provider.displayName) reads no single role")
                }
                try await context.printEntry(id, of: reading.roles(in: try await context.scope(scope)))
            }
        }
    }
}

extension ScriptContext {
    /// Reads one row of `ledger` fresh (its single-item GET) and prints it with every field.
    func printEntry(_ id: String, of ledger: Ledger) async throws {
        if case .needsScope(let reason) = ledger.listing { throw ScriptFailure.usage(Self.scopeHint(reason)) }
        guard let read = ledger.entry else { throw ScriptFailure.usage("this list has no single-item read") }
        let entry = try await read(id)
        var record = ScriptRecord(entry, columns: ledger.columns, raw: rawObject(id: entry.id))
        record.append(entry.fields)
        printSingle(record)
    }
}
