#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The filter text of one chunk's rows in one buffer: each row's lower-cased UTF-8, followed by a 0 byte.
///
/// One allocation per page instead of one string per row, and a needle is found with `memchr`/`memcmp` over the whole
/// page at once; a row's text never contains the 0 byte, so a match never spans two rows.
struct HaystackChunk: Sendable {
    private var bytes: [UInt8] = []
    /// `starts[i]` is where row i begins; one extra entry marks the end of the buffer.
    private var starts: [Int32] = [0]

    init(_ texts: [String]) {
        bytes.reserveCapacity(texts.reduce(0) { $0 + $1.utf8.count + 1 })
        starts.reserveCapacity(texts.count + 1)
        for text in texts { appendRow(text) }
    }

    /// The filter text of `rows`: each row's column texts joined by U+001F and lower-cased, written straight into
    /// the buffer (ASCII text, most of a list, is lower-cased byte by byte without building a string). A pane with
    /// big lists writes the same bytes faster through `Builder` (`Columns.membersFilterText`).
    init<Row>(_ rows: [Row], columns: [ListColumn<Row>]) {
        var builder = Builder(rows: rows.count)
        // Closures, not key paths: a key path into a generic type is instantiated at run time on every call.
        let texts = columns.map { $0.text }
        for row in rows {
            for index in texts.indices {
                if index > 0 { builder.nextColumn() }
                builder.append(texts[index](row))
            }
            builder.endRow()
        }
        self = builder.build()
    }

    /// Writes a chunk row by row: each cell lower-cased, cells joined by U+001F, a 0 byte after each row.
    struct Builder {
        private var chunk = HaystackChunk(capacity: 0)
        /// Non-ASCII cell texts lower-cased once per page: a column of a few values ("–" for "not said") would
        /// otherwise build a lower-cased string per row.
        private var lowered: [String: [UInt8]] = [:]

        init(rows: Int) {
            chunk = HaystackChunk(capacity: rows)
        }

        mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) { chunk.appendLowercased(utf8) }
        mutating func append(_ text: String) { chunk.appendLowercased(text, lowered: &lowered) }
        mutating func nextColumn() { chunk.bytes.append(0x1F) }

        mutating func endRow() {
            chunk.bytes.append(0)
            chunk.starts.append(Int32(truncatingIfNeeded: chunk.bytes.count))
        }

        /// The chunk; its buffer grew by doubling, and a loaded list keeps its chunks for good: it keeps only what
        /// it holds.
        func build() -> HaystackChunk {
            var built = chunk
            if built.bytes.capacity - built.bytes.count > 256 {
                built.bytes = built.bytes.withUnsafeBufferPointer { Array($0) }
            }
            return built
        }
    }

    private init(capacity rows: Int) {
        bytes.reserveCapacity(rows * 64)
        starts.reserveCapacity(rows + 1)
    }

    var count: Int { starts.count - 1 }

    /// Row `row`'s text, for tests and edits.
    func text(at row: Int) -> String {
        String(decoding: bytes[Int(starts[row])..<(Int(starts[row + 1]) - 1)], as: UTF8.self)
    }

    /// Whether row `row` contains `needle` (lower-cased UTF-8, not empty).
    func contains(_ needle: [UInt8], row: Int) -> Bool {
        let start = Int(starts[row])
        let length = Int(starts[row + 1]) - 1 - start
        guard length >= needle.count else { return false }
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { pattern in
                guard let base = haystack.baseAddress, let patternBase = pattern.baseAddress else { return false }
                return Self.find(patternBase, pattern.count, in: base + start, length) != nil
            }
        }
    }

    /// The rows (0-based within the chunk) that contain `needle`, in order.
    func rows(containing needle: [UInt8]) -> [Int] {
        guard !needle.isEmpty, !bytes.isEmpty else { return needle.isEmpty ? Array(0..<count) : [] }
        var found: [Int] = []
        bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { pattern in
                guard let base = haystack.baseAddress, let needleBase = pattern.baseAddress else { return }
                var offset = 0
                var row = 0
                while offset < haystack.count,
                    let hit = Self.find(needleBase, pattern.count, in: base + offset, haystack.count - offset)
                {
                    let position = base.distance(to: hit)
                    while Int(starts[row + 1]) <= position { row += 1 }
                    found.append(row)
                    // Go on from the next row: one hit per row is enough.
                    row += 1
                    guard row < count else { break }
                    offset = Int(starts[row])
                }
            }
        }
        return found
    }

    /// Replaces the text of one row.
    mutating func replace(row: Int, with text: String) {
        var texts = (0..<count).map(text(at:))
        texts[row] = text
        self = HaystackChunk(texts)
    }

    /// Removes one row.
    mutating func remove(row: Int) {
        var texts = (0..<count).map(text(at:))
        texts.remove(at: row)
        self = HaystackChunk(texts)
    }

    /// Adds a row before the others.
    mutating func insertFirst(_ text: String) {
        self = HaystackChunk([text] + (0..<count).map(text(at:)))
    }

    /// The first occurrence of the `count` bytes at `needle` in the `length` bytes at `haystack`: `memchr` finds
    /// each candidate first byte, `memcmp` checks the rest (`memmem` is not in every libc's Swift overlay).
    static func find(
        _ needle: UnsafePointer<UInt8>, _ count: Int, in haystack: UnsafePointer<UInt8>, _ length: Int
    ) -> UnsafePointer<UInt8>? {
        guard count > 0, length >= count else { return nil }
        let first = Int32(needle[0])
        var cursor = haystack
        let lastStart = haystack + (length - count)
        while cursor <= lastStart {
            guard let raw = memchr(cursor, first, lastStart - cursor + 1) else { return nil }
            let candidate = raw.assumingMemoryBound(to: UInt8.self)
            if count == 1 || memcmp(candidate + 1, needle + 1, count - 1) == 0 { return UnsafePointer(candidate) }
            cursor = UnsafePointer(candidate) + 1
        }
        return nil
    }

    /// The bytes a needle is searched as: lower-cased UTF-8 with 0 bytes as spaces, like the rows.
    static func needle(_ text: String) -> [UInt8] {
        text.utf8.map { $0 == 0 ? 0x20 : $0 }
    }

    /// Appends `text` lower-cased: copied in one go and lower-cased in place while it is ASCII, through
    /// `String.lowercased()` when it is not.
    fileprivate mutating func appendLowercased(_ text: UnsafeBufferPointer<UInt8>) {
        let start = bytes.count
        bytes.append(contentsOf: text)
        let ascii = bytes.withUnsafeMutableBufferPointer { buffer in
            for index in start..<buffer.count {
                let byte = buffer[index]
                if byte >= 0x80 { return false }
                if byte &- UInt8(ascii: "A") < 26 {
                    buffer[index] = byte | 0x20
                } else if byte == 0 {
                    buffer[index] = 0x20
                }
            }
            return true
        }
        guard !ascii else { return }
        bytes.removeSubrange(start...)
        appendLowercased(String(decoding: text, as: UTF8.self))
    }

    private mutating func appendLowercased(_ text: String) {
        var lowered: [String: [UInt8]] = [:]
        appendLowercased(text, lowered: &lowered)
    }

    fileprivate mutating func appendLowercased(_ text: String, lowered: inout [String: [UInt8]]) {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var text = text
            text.withUTF8 { appendLowercased($0) }
            return
        }
        if let known = lowered[text] { return bytes.append(contentsOf: known) }
        let lower = text.lowercased().utf8.map { $0 == 0 ? 0x20 : $0 }
        if lowered.count < 256 { lowered[text] = lower }
        bytes.append(contentsOf: lower)
    }

    private mutating func appendRow(_ text: String) {
        // The 0 byte ends a row: one inside the text becomes a space (in needles too, see `needle`).
        bytes.append(contentsOf: text.utf8.lazy.map { $0 == 0 ? 0x20 : $0 })
        bytes.append(0)
        starts.append(Int32(truncatingIfNeeded: bytes.count))
    }
}
