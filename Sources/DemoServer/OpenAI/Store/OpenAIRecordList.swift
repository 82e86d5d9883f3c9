import Foundation

/// Records of one OpenAI collection in list order, each with its JSON encoded once and kept until it changes.
///
/// Every record gets a sequence number when it is added; `after=<id>` cursors resolve through it, so a
/// cursor still works after its record was deleted (the next page starts where that record used to be).
struct OpenAIRecordList<Record: Encodable & Sendable>: Sendable {
    private let id: @Sendable (Record) -> String
    private(set) var records: [Record] = []
    /// Sequence number of each position, strictly increasing.
    private var sequences: [Int] = []
    /// The encoded JSON of each position, filled in on first use and dropped when the record changes.
    private var encoded: [Data?] = []
    /// Sequence number of every id ever added (deleted ones too, so their cursors keep working).
    private var sequenceOfID: [String: Int] = [:]
    private var nextSequence = 0

    /// An empty list whose records are identified by `id`.
    init(id: @escaping @Sendable (Record) -> String) {
        self.id = id
    }

    /// A list of `records` in this order, identified by `id`.
    init(_ records: [Record], id: @escaping @Sendable (Record) -> String) {
        self.id = id
        for record in records { append(record) }
    }

    var count: Int { records.count }
    var ids: [String] { records.map(id) }

    /// The record with `id`, if it is in the list.
    func record(_ recordID: String) -> Record? {
        position(of: recordID).map { records[$0] }
    }

    /// Whether a record with `id` is in the list.
    func contains(_ recordID: String) -> Bool { position(of: recordID) != nil }

    /// Appends a record at the end of the list order.
    mutating func append(_ record: Record) {
        let recordID = id(record)
        guard position(of: recordID) == nil else { return }
        sequenceOfID[recordID] = nextSequence
        sequences.append(nextSequence)
        nextSequence += 1
        records.append(record)
        encoded.append(nil)
    }

    /// Replaces the record with the same id (its cached JSON is dropped); returns whether there was one.
    @discardableResult
    mutating func replace(_ record: Record) -> Bool {
        guard let index = position(of: id(record)) else { return false }
        records[index] = record
        encoded[index] = nil
        return true
    }

    /// Changes the record with `id` in place; nil when there is none.
    mutating func update<Result>(_ recordID: String, _ body: (inout Record) throws -> Result) rethrows -> Result? {
        guard let index = position(of: recordID) else { return nil }
        let result = try body(&records[index])
        encoded[index] = nil
        return result
    }

    /// Removes the record with `id`; returns it, or nil when there was none.
    @discardableResult
    mutating func remove(_ recordID: String) -> Record? {
        guard let index = position(of: recordID) else { return nil }
        sequences.remove(at: index)
        encoded.remove(at: index)
        return records.remove(at: index)
    }

    /// Up to `limit` records after the one with id `after` (in list order, or reversed when `descending`),
    /// keeping only those `matching` says yes to; nil when `after` names no record this list ever held.
    mutating func page(
        after: String?, limit: Int, descending: Bool = false, matching: ((Record) -> Bool)? = nil
    ) -> OpenAIEncodedPage? {
        var start: Int
        if let after {
            guard let sequence = sequenceOfID[after] else { return nil }
            let firstGreater = firstIndex(withSequenceAbove: sequence)
            // Descending, the next record is the one before `after`: below its sequence number.
            start = descending ? firstIndex(withSequenceAbove: sequence - 1) - 1 : firstGreater
        } else {
            start = descending ? records.count - 1 : 0
        }
        var page = OpenAIEncodedPage(encoded: [], ids: [], hasMore: false)
        let step = descending ? -1 : 1
        while start >= 0, start < records.count {
            if matching?(records[start]) ?? true {
                if page.ids.count == limit {
                    page.hasMore = true
                    break
                }
                page.encoded.append(encodedRecord(at: start))
                page.ids.append(id(records[start]))
            }
            start += step
        }
        return page
    }

    private mutating func encodedRecord(at index: Int) -> Data {
        if let data = encoded[index] { return data }
        let data = (try? OpenAIReply.encode(records[index])) ?? Data("null".utf8)
        encoded[index] = data
        return data
    }

    private func position(of recordID: String) -> Int? {
        guard let sequence = sequenceOfID[recordID] else { return nil }
        let index = firstIndex(withSequenceAbove: sequence - 1)
        return index < sequences.count && sequences[index] == sequence ? index : nil
    }

    /// The first position whose sequence number is greater than `sequence` (binary search).
    private func firstIndex(withSequenceAbove sequence: Int) -> Int {
        var low = 0
        var high = sequences.count
        while low < high {
            let middle = (low + high) / 2
            if sequences[middle] > sequence { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
