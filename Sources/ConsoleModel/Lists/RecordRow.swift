import APICore
import Foundation

/// A row of a read-only view (audit log, billing, subscriptions, organizations): its cells and every detail.
public struct RecordRow: Sendable, Hashable, Identifiable {
    public var id: String
    /// In the order of the view's columns; raw API text (the UI sanitizes it).
    public var cells: [String]
    /// Every field, for the detail pane.
    public var fields: [RecordField]
    public var date: Date?

    public init(id: String, cells: [String], fields: [RecordField], date: Date? = nil) {
        self.id = id
        self.cells = cells
        self.fields = fields
        self.date = date
    }

    /// The row an audit entry makes: when / actor / action / resource / result, and old and new values.
    public init(audit entry: AuditEntry) {
        var fields = entry.fields
        if let old = entry.oldValue, !old.isEmpty { fields.append(RecordField("Old value", old)) }
        if let new = entry.newValue, !new.isEmpty { fields.append(RecordField("New value", new)) }
        if !entry.resultLabel.isEmpty { fields.append(RecordField("Result", entry.resultLabel)) }
        // An entry without an id still needs a distinct row id for selection.
        let id = entry.id.isEmpty ? "\(entry.whenText)|\(entry.actor)|\(entry.action)|\(entry.resource)" : entry.id
        self.init(
            id: id, cells: [entry.whenText, entry.actor, entry.action, entry.resource, entry.resultLabel],
            fields: fields, date: entry.when)
    }

    /// The row of a ledger entry.
    public init(ledger entry: LedgerEntry) {
        self.init(id: entry.id, cells: entry.cells, fields: entry.fields, date: entry.date)
    }

    /// The columns of a view whose cells are titled `titles`.
    static func columns(_ titles: [String]) -> [ListColumn<RecordRow>] {
        titles.enumerated().map { index, title in
            ListColumn(
                id: "c\(index)", title: title,
                text: { row in row.cells.indices.contains(index) ? row.cells[index] : "" })
        }
    }
}
