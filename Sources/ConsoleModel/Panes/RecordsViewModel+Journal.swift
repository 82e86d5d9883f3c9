import APICore
import Foundation

extension RecordsViewModel {
    /// `:journal`: every write orgtui recorded, newest first, across profiles; false when no journal is kept.
    @discardableResult
    public func showJournal() -> Bool {
        guard let journal = context.writes.journal else { return false }
        open(.journal, title: "Journal", columns: ["When", "Profile", "Action", "Target", "Outcome"])
        let read: (entries: [JournalEntry], unreadable: Int)
        do {
            read = try journal.entries()
        } catch {
            list.clear(placeholder: "The journal cannot be read: \(error)")
            return true
        }
        let rows = read.entries.reversed().enumerated().map { index, entry in Self.row(entry, index: index) }
        if read.unreadable > 0 {
            summary = [
                RecordField("Note", "\(read.unreadable) line(s) of the journal are not entries and are not shown")
            ]
        }
        // Append-only: the entry count names the content, so a newer journal is never served from the cache.
        let pages = PagedList<RecordRow>(first: .single) { cursor in Page(items: rows, cursor: cursor, next: nil) }
        Listing.list(pages, query: "\(read.entries.count)").show(
            in: list, resource: .records(Kind.journal.rawValue, .top))
        return true
    }

    private static func row(_ entry: JournalEntry, index: Int) -> RecordRow {
        let outcome = entry.outcome + (entry.message.map { ": \($0)" } ?? "")
        var fields = [
            RecordField("Time", entry.time), RecordField("Profile", entry.profile),
            RecordField("Provider", entry.provider), RecordField("Action", entry.action),
            RecordField("Target", entry.target), RecordField("Outcome", entry.outcome),
        ]
        if let id = entry.targetID { fields.insert(RecordField("Target id", id), at: 5) }
        if let message = entry.message { fields.append(RecordField("Message", message)) }
        if let requestID = entry.requestID { fields.append(RecordField("Request id", requestID)) }
        return RecordRow(
            id: "\(index)|\(entry.time)|\(entry.action)",
            cells: [entry.time, entry.profile, entry.action, entry.target, outcome],
            fields: fields, date: entry.date)
    }
}
