import APICore
import ArgumentParser
import Foundation

/// `orgtui audit list`: the audit log, newest first, with the console's filters.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "The audit log.", subcommands: [List.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List audit log entries (yours at the top level, the account's with --account).")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: ScopeOptions
        @Option(help: "Entries at or after this date (YYYY-MM-DD), asked of the server.") var since: String?
        @Option(help: "Entries before this date (YYYY-MM-DD).") var before: String?
        @Option(help: "Only entries whose actor contains this text.") var actor: String?
        @Option(help: "Only entries whose action contains this text.") var action: String?
        @Option(help: "Only entries whose resource contains this text.") var resource: String?

        func run() async throws {
            try await ScriptContext.run(connection, output: output) { context in
                guard let reading = context.directory.auditLogReading else {
                    throw ScriptFailure.usage("\(context.directory.provider.displayName) has no audit log here")
                }
                if let since, JournalCommand.date(since) == nil {
                    throw ScriptFailure.usage("--since \(since): not a date (YYYY-MM-DD)")
                }
                if let before, JournalCommand.date(before) == nil {
                    throw ScriptFailure.usage("--before \(before): not a date (YYYY-MM-DD)")
                }
                let scope = try await context.scope(self.scope)
                let filter = AuditFilter(since: since, before: before, actor: actor, action: action, resource: resource)
                try await context.print(
                    reading.auditLog(in: scope, filter: filter), columns: ScriptRecord.auditColumns,
                    record: ScriptRecord.init, id: \.id)
            }
        }
    }
}
