import Foundation  // memchr

/// A forward-only reader over one JSON document's bytes, for decoding big list pages by hand: only the fields a
/// caller asks for become values, everything else is skipped byte by byte without being built.
///
/// Strict where it reads (a field of the wrong type throws) so that a caller can fall back to `JSONDecoder`,
/// which then reports the problem exactly; lenient where it skips (unknown fields of any shape).
struct JSONScanner {
    /// The document is not JSON of the expected shape at this byte offset.
    struct Malformed: Error {
        let offset: Int
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Whether only whitespace is left.
    mutating func isAtEnd() -> Bool {
        skipWhitespace()
        return position == bytes.count
    }

    // MARK: - Containers

    /// Reads an object; `body` is called with each key and must consume its value.
    mutating func object(_ body: (inout JSONScanner, JSONKey) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if try consumeIf(UInt8(ascii: "}")) { return }
        repeat {
            let key = try key()
            try expect(UInt8(ascii: ":"))
            try body(&self, key)
        } while try separator(closing: UInt8(ascii: "}"))
    }

    /// Reads an array; `body` is called once per element and must consume it.
    mutating func array(_ body: (inout JSONScanner) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        if try consumeIf(UInt8(ascii: "]")) { return }
        repeat { try body(&self) } while try separator(closing: UInt8(ascii: "]"))
    }

    /// Skips the next value and hands out its bytes (read them with a scanner of their own).
    mutating func rawValue() throws -> UnsafeBufferPointer<UInt8> {
        skipWhitespace()
        let start = position
        try skipValue()
        return UnsafeBufferPointer(rebasing: bytes[start..<position])
    }

    /// Reads the next value with `body` and hands out its bytes too.
    mutating func reading<Value>(_ body: (inout JSONScanner) throws -> Value) throws
        -> (value: Value, bytes: UnsafeBufferPointer<UInt8>)
    {
        skipWhitespace()
        let start = position
        let value = try body(&self)
        return (value, UnsafeBufferPointer(rebasing: bytes[start..<position]))
    }

    /// Consumes the next value if its bytes are exactly `value`'s (a whole value read before: JSON values end by
    /// themselves, so equal bytes are the same value and end at the same place).
    mutating func consume(exactly value: UnsafeBufferPointer<UInt8>) -> Bool {
        skipWhitespace()
        guard let base = bytes.baseAddress, let expected = value.baseAddress, value.count <= bytes.count - position,
            memcmp(base + position, expected, value.count) == 0
        else { return false }
        position += value.count
        return true
    }

    /// Skips a string or `null` without building it (another kind of value throws) and hands out its bytes, for
    /// a field that is only needed when another one is missing.
    mutating func rawString() throws -> UnsafeBufferPointer<UInt8> {
        skipWhitespace()
        let start = position
        if try !null() { try skipString() }
        return UnsafeBufferPointer(rebasing: bytes[start..<position])
    }

    /// Consumes `null` if it comes next.
    mutating func null() throws -> Bool {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    // MARK: - Values

    /// A string, or nil for `null`.
    mutating func string() throws -> String? {
        if try null() { return nil }
        try expect(UInt8(ascii: "\""))
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            if byte < 0x20 { throw Malformed(offset: position) }
            position += 1
        }
        throw Malformed(offset: position)
    }

    /// A boolean, or nil for `null`.
    mutating func bool() throws -> Bool? {
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
    mutating func int() throws -> Int? {
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

    /// Skips one value of any kind.
    mutating func skipValue() throws {
        skipWhitespace()
        guard position < bytes.count else { throw Malformed(offset: position) }
        switch bytes[position] {
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["): try skipContainer()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default:
            let start = position
            while position < bytes.count, Self.isNumberByte(bytes[position]) { position += 1 }
            if position == start { throw Malformed(offset: position) }
        }
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
        // An escaped key is never one a caller asks for: skip it and hand out an empty key.
        try skipString()
        return JSONKey(bytes: UnsafeBufferPointer(rebasing: bytes[0..<0]))
    }

    private mutating func skipString() throws {
        try expect(UInt8(ascii: "\""))
        position = try Self.end(ofStringAt: position, in: bytes)
    }

    /// Skips an object or array without reading its keys or values: brackets are matched (up to 64 levels deep,
    /// beyond which the slower reading skip takes over) and strings jumped over, so a big ignored value such as
    /// a role's permission map costs one pass over its bytes.
    private mutating func skipContainer() throws {
        var open: UInt64 = 0  // bit i: level i is an array
        var depth = 0
        var index = position
        let count = bytes.count
        while index < count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                // Strings inside a skipped value are mostly short keys: a byte loop beats a `memchr` call.
                index += 1
                while index < count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") { index += 1 }
                if index < count, bytes[index] == UInt8(ascii: "\\") {
                    index = try Self.end(ofStringAt: index, in: bytes)
                    continue
                }
                guard index < count else { throw Malformed(offset: index) }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard depth < 64 else { return try skipDeepContainer() }
                if bytes[index] == UInt8(ascii: "[") { open |= 1 << UInt64(depth) } else { open &= ~(1 << UInt64(depth)) }
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard depth > 0 else { throw Malformed(offset: index) }
                depth -= 1
                let isArray = open & (1 << UInt64(depth)) != 0
                guard isArray == (bytes[index] == UInt8(ascii: "]")) else { throw Malformed(offset: index) }
                if depth == 0 {
                    position = index + 1
                    return
                }
            default: break
            }
            index += 1
        }
        throw Malformed(offset: index)
    }

    /// The reading skip, for containers nested deeper than `skipContainer` tracks.
    private mutating func skipDeepContainer() throws {
        if bytes[position] == UInt8(ascii: "{") {
            try object { scanner, _ in try scanner.skipValue() }
        } else {
            try array { try $0.skipValue() }
        }
    }

    /// The offset just past the closing quote of the string whose contents start at `start`.
    private static func end(ofStringAt start: Int, in bytes: UnsafeBufferPointer<UInt8>) throws -> Int {
        guard let base = bytes.baseAddress else { throw Malformed(offset: start) }
        var index = start
        while index < bytes.count {
            guard let found = memchr(base + index, Int32(UInt8(ascii: "\"")), bytes.count - index) else { break }
            let quote = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            // The quote is escaped when an odd number of backslashes stands right before it.
            var backslashes = 0
            while quote - backslashes - 1 >= start, bytes[quote - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
            if backslashes % 2 == 0 { return quote + 1 }
            index = quote + 1
        }
        throw Malformed(offset: bytes.count)
    }

    private mutating func escapedString(from start: Int) throws -> String {
        var utf8 = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { throw Malformed(offset: position) }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"): utf8.append(contentsOf: try unicodeEscape())
                default: throw Malformed(offset: position)
                }
            default:
                if byte < 0x20 { throw Malformed(offset: position) }
                utf8.append(byte)
            }
        }
        throw Malformed(offset: position)
    }

    /// The UTF-8 of `\uXXXX` (after the `u`), joining a surrogate pair; a lone surrogate throws.
    private mutating func unicodeEscape() throws -> [UInt8] {
        var scalar = try hex4()
        if (0xD800..<0xDC00).contains(scalar) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                bytes[position + 1] == UInt8(ascii: "u")
            else { throw Malformed(offset: position) }
            position += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw Malformed(offset: position) }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let unicode = Unicode.Scalar(scalar) else { throw Malformed(offset: position) }
        return Array(String(Character(unicode)).utf8)
    }

    private mutating func hex4() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw Malformed(offset: position) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Malformed(offset: position)
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    private mutating func literal(_ word: StaticString) throws {
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

    private mutating func expect(_ byte: UInt8) throws {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else { throw Malformed(offset: position) }
        position += 1
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

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
            UInt8(ascii: "e"), UInt8(ascii: "E"):
            true
        default: false
        }
    }
}

/// An object key as raw bytes (escaped keys come out empty: no caller asks for one).
struct JSONKey {
    let bytes: UnsafeBufferPointer<UInt8>

    static func == (key: JSONKey, name: StaticString) -> Bool {
        name.withUTF8Buffer { expected in
            expected.count == key.bytes.count && (0..<expected.count).allSatisfy { expected[$0] == key.bytes[$0] }
        }
    }
}
