/// The loaded rows of a list, kept as the pages they arrived in so that adding a page never copies the rows.
struct RowStore<Row: Sendable>: Sendable {
    private(set) var chunks: [[Row]] = []
    /// The lower-cased, column-joined text of each row, one buffer per chunk, for filtering without re-rendering.
    private(set) var haystacks: [HaystackChunk] = []
    /// `starts[i]` is the global index of the first row of chunk i.
    private(set) var starts: [Int] = []
    private(set) var count = 0

    /// Adds a page of rows with their filter text (`HaystackChunk(rows, columns:)`, built wherever is cheapest).
    mutating func append(_ rows: [Row], haystack: HaystackChunk) {
        starts.append(count)
        chunks.append(rows)
        haystacks.append(haystack)
        count += rows.count
    }

    /// Replaces chunk `index` (a revalidated page); returns false when the row count changed.
    mutating func replace(chunk index: Int, with rows: [Row], haystack: HaystackChunk) -> Bool {
        guard chunks.indices.contains(index) else { return false }
        let sameCount = chunks[index].count == rows.count
        chunks[index] = rows
        haystacks[index] = haystack
        if !sameCount { recountStarts() }
        return sameCount
    }

    /// Changes one row in place.
    mutating func update(at position: (chunk: Int, offset: Int), _ row: Row, haystack: String) {
        chunks[position.chunk][position.offset] = row
        haystacks[position.chunk].replace(row: position.offset, with: haystack)
    }

    /// Removes one row.
    mutating func remove(at position: (chunk: Int, offset: Int)) {
        chunks[position.chunk].remove(at: position.offset)
        haystacks[position.chunk].remove(row: position.offset)
        recountStarts()
    }

    mutating func removeAll() { self = RowStore() }

    /// Adds one row before every other, in the first page (nothing happens before a page has loaded).
    mutating func insertFirst(_ row: Row, haystack: String) {
        guard !chunks.isEmpty else { return }
        chunks[0].insert(row, at: 0)
        haystacks[0].insertFirst(haystack)
        recountStarts()
    }

    /// The chunk and offset of a global index.
    func position(of index: Int) -> (chunk: Int, offset: Int) {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return (low, index - starts[low])
    }

    subscript(index: Int) -> Row {
        let position = position(of: index)
        return chunks[position.chunk][position.offset]
    }

    func haystack(at index: Int) -> String {
        let position = position(of: index)
        return haystacks[position.chunk].text(at: position.offset)
    }

    /// Whether the row at `index` contains `needle` (see `HaystackChunk.needle`).
    func matches(_ needle: [UInt8], at index: Int) -> Bool {
        let position = position(of: index)
        return haystacks[position.chunk].contains(needle, row: position.offset)
    }

    /// The global indices in `range` whose rows contain `needle`, in order: each chunk searched in one pass.
    func indices(matching needle: [UInt8], in range: Range<Int>) -> [Int] {
        guard !range.isEmpty else { return [] }
        var found: [Int] = []
        var chunk = position(of: range.lowerBound).chunk
        while chunk < chunks.count, starts[chunk] < range.upperBound {
            let base = starts[chunk]
            for offset in haystacks[chunk].rows(containing: needle) where range.contains(base + offset) {
                found.append(base + offset)
            }
            chunk += 1
        }
        return found
    }

    private mutating func recountStarts() {
        var total = 0
        starts = chunks.map { chunk in
            defer { total += chunk.count }
            return total
        }
        count = total
    }
}

/// The rows a pane shows: the loaded rows, optionally filtered and sorted, without copying them.
public struct RowsView<Row: Sendable>: RandomAccessCollection, Sendable {
    let store: RowStore<Row>
    /// Indices into the store in display order; nil shows every row in load order.
    let order: [Int]?

    public var startIndex: Int { 0 }
    public var endIndex: Int { order?.count ?? store.count }

    public subscript(position: Int) -> Row { store[order?[position] ?? position] }

    /// An empty view.
    public static var empty: RowsView<Row> { RowsView(store: RowStore(), order: nil) }
}
