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
                let end = try before.map { text in
                    guard let date = JournalCommand.date(text) else {
                        throw ScriptFailure.usage("--before \(text): not a date (YYYY-MM-DD)")
                    }
                    return date
                }
                let scope = try await context.scope(self.scope)
                let filters = [(actor, \AuditEntry.actor), (action, \.action), (resource, \.resource)]
                let listing = reading.auditLog(in: scope, since: since)
                guard let list = listing.pagedList else { throw ScriptFailure.usage("no audit log here") }
                let printer = context.printer(columns: ScriptRecord.auditColumns)
                for try await page in list.pages {
                    let kept = page.items.filter { entry in
                        if let end, let when = entry.when, when >= end { return false }
                        return filters.allSatisfy { wanted, field in
                            wanted.map { entry[keyPath: field].localizedCaseInsensitiveContains($0) } ?? true
                        }
                    }
                    printer.add(kept.map { ScriptRecord($0, raw: context.rawObject(id: $0.id)) })
                }
                printer.finish()
            }
        }
    }
}
