/// A forward-only reader over one JSON document's bytes, for decoding big list pages by hand: only the fields a
/// caller asks for become values, everything else is skipped byte by byte without being built.
///
/// Strict where it reads (a field of the wrong type throws) so that a caller can fall back to `JSONDecoder`,
/// which then reports the problem exactly; lenient where it skips (unknown fields of any shape).
package struct JSONScanner {
    /// The document is not JSON of the expected shape at this byte offset.
    package struct Malformed: Error {
        package let offset: Int

        package init(offset: Int) { self.offset = offset }
    }

    // Internal, not private: the skipping and escape readers live in `JSONScanner+Skipping.swift` and
    // `JSONScanner+Escapes.swift`; only the scanning extensions in APICore touch them.
    package let bytes: UnsafeBufferPointer<UInt8>
    package var position = 0

    package init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Whether only whitespace is left.
    package mutating func isAtEnd() -> Bool {
        skipWhitespace()
        return position == bytes.count
    }

    // MARK: - Containers

    /// Reads an object; `body` is called with each key and must consume its value.
    package mutating func object(_ body: (inout JSONScanner, JSONKey) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if try consumeIf(UInt8(ascii: "}")) { return }
        repeat {
            let key = try key()
            try expect(UInt8(ascii: ":"))
            try body(&self, key)
        } while try separator(closing: UInt8(ascii: "}"))
    }

    /// Reads an array; `body` is called once per element and must consume it.
    package mutating func array(_ body: (inout JSONScanner) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        if try consumeIf(UInt8(ascii: "]")) { return }
        repeat { try body(&self) } while try separator(closing: UInt8(ascii: "]"))
    }

    /// Consumes `null` if it comes next.
    package mutating func null() throws -> Bool {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    // MARK: - Values

    /// A string, or nil for `null`.
    package mutating func string() throws -> String? {
        try scannedString()?.string
    }

    /// A boolean, or nil for `null`.
    package mutating func bool() throws -> Bool? {
        if try null() { return nil }
        guard position < bytes.count else { throw Malformed(offset: position) }
        if bytes[position] == UInt8(ascii: "t") {
            try literal("true")
            return true
        }
        try literal("false")
        return false
    }

    /// An integer, or nil for `null` (a fraction or exponent throws: the fallback decides).
    package mutating func int() throws -> Int? {
        if try null() { return nil }
        var negative = false
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        let start = position
        var value = 0
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(bytes[position] - UInt8(ascii: "0")))
            guard !overflow, !overflow2 else { throw Malformed(offset: position) }
            value = sum
            position += 1
        }
        guard position > start else { throw Malformed(offset: position) }
        if position < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[position]) {
            throw Malformed(offset: position)
        }
        return negative ? -value : value
    }

    // MARK: - Bytes

    private mutating func key() throws -> JSONKey {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw Malformed(offset: position) }
        let start = position + 1
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\") { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            position = end + 1
            return JSONKey(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
        // An escaped key ("\u0069d") may be one a caller asks for: not read here, the page goes to `JSONDecoder`.
        throw Malformed(offset: end)
    }

    package mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw Malformed(offset: position) }
        let matches = word.withUTF8Buffer { expected in
            (0..<count).allSatisfy { bytes[position + $0] == expected[$0] }
        }
        guard matches else { throw Malformed(offset: position) }
        position += count
    }

    /// After a value: true at a comma (another item follows), false at `closing`.
    private mutating func separator(closing: UInt8) throws -> Bool {
        skipWhitespace()
        guard position < bytes.count else { throw Malformed(offset: position) }
        let byte = bytes[position]
        position += 1
        if byte == UInt8(ascii: ",") { return true }
        if byte == closing { return false }
        throw Malformed(offset: position - 1)
    }

    package mutating func expect(_ byte: UInt8) throws {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else { throw Malformed(offset: position) }
        position += 1
    }

    /// Skips a `null` or an empty array; anything else throws (a caller that cannot read it hands the page over).
    package mutating func skipNullOrEmptyArray() throws {
        if try null() { return }
        try expect(UInt8(ascii: "["))
        guard try consumeIf(UInt8(ascii: "]")) else { throw Malformed(offset: position) }
    }

    private mutating func consumeIf(_ byte: UInt8) throws -> Bool {
        skipWhitespace()
        guard position < bytes.count else { throw Malformed(offset: position) }
        if bytes[position] == byte {
            position += 1
            return true
        }
        return false
    }

    package mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    package static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
            UInt8(ascii: "e"), UInt8(ascii: "E"):
            true
        default: false
        }
    }
}
