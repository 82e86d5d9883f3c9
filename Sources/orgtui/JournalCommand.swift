import ArgumentParser
import ConsoleModel
import Foundation
import TUIKit

/// `orgtui journal`: every write orgtui recorded, newest last, as a table or JSON.
struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Print the journal of every write orgtui made ($XDG_STATE_HOME/orgtui/journal.jsonl).")

    @Flag(help: "One JSON document: an array of entries.")
    var json = false

    @Flag(help: "One JSON object a line, as the journal file holds them.")
    var jsonl = false

    @Option(help: "Only entries at or after this date (YYYY-MM-DD or RFC 3339).")
    var since: String?

    func run() throws {
        let file = JournalFile(path: JournalFile.path(environment: ProcessInfo.processInfo.environment))
        let start: Date?
        if let since {
            guard let date = Self.date(since) else {
                throw ValidationError("--since \(since): not a date (YYYY-MM-DD or RFC 3339)")
            }
            start = date
        } else {
            start = nil
        }
        let read: (entries: [JournalEntry], unreadable: Int)
        do {
            read = try file.entries()
        } catch {
            FileHandle.standardError.write(Data("orgtui: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let entries = read.entries.filter { entry in start.map { (entry.date ?? .distantPast) >= $0 } ?? true }
        if read.unreadable > 0 {
            FileHandle.standardError.write(
                Data("orgtui: \(read.unreadable) line(s) of \(file.path) are not entries and were skipped\n".utf8))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if jsonl {
            for entry in entries { print(String(decoding: try encoder.encode(entry), as: UTF8.self)) }
        } else if json {
            encoder.outputFormatting.insert(.prettyPrinted)
            print(String(decoding: try encoder.encode(entries), as: UTF8.self))
        } else {
            printTable(entries)
        }
    }

    private func printTable(_ entries: [JournalEntry]) {
        let header = ["TIME", "PROFILE", "PROVIDER", "ACTION", "TARGET", "REQUEST", "OUTCOME"]
        // Targets and messages are API text: shown through the one sanitizer, as in the console.
        let rows = entries.map { entry in
            [
                entry.time, entry.profile, entry.provider, entry.action, entry.target, entry.requestID ?? "",
                entry.outcome + (entry.message.map { ": \($0)" } ?? ""),
            ].map { TextSanitizer.sanitize($0, maxLength: 80).text }
        }
        let widths = header.indices.map { column in
            ([header[column]] + rows.map { $0[column] }).map(DisplayWidth.of).max() ?? 0
        }
        for row in [header] + rows {
            print(row.enumerated().map { DisplayWidth.pad($1, toWidth: widths[$0]) }.joined(separator: "  "))
        }
    }

    static func date(_ text: String) -> Date? {
        if let full = try? Date(text, strategy: .iso8601) { return full }
        return try? Date(text + "T00:00:00Z", strategy: .iso8601)
    }
}
