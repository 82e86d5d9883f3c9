import Foundation

/// A row of a read-only provider list (billing history, subscriptions, legacy organizations): its cells in the
/// order of the list's columns, and every field for the detail view.
public struct LedgerEntry: Sendable, Hashable, Identifiable {
    public var id: String
    public var cells: [String]
    public var fields: [RecordField]
    /// Newest first, where the list has a date.
    public var date: Date?

    public init(id: String, cells: [String], fields: [RecordField], date: Date? = nil) {
        self.id = id
        self.cells = cells
        self.fields = fields
        self.date = date
    }
}

/// A read-only list of a provider, with the titles of its columns.
public struct Ledger: Sendable {
    public var title: String
    public var columns: [String]
    public var listing: Listing<LedgerEntry>
    /// Reads one row fresh by its id (the details view of a row), where the API has a single-item GET.
    public var entry: (@Sendable (String) async throws -> LedgerEntry)?

    public init(
        title: String, columns: [String], listing: Listing<LedgerEntry>,
        entry: (@Sendable (String) async throws -> LedgerEntry)? = nil
    ) {
        self.title = title
        self.columns = columns
        self.listing = listing
        self.entry = entry
    }
}
