import Foundation  // memchr, memcmp

/// Skipping values without building them, and handing out the bytes of a value instead of its value.
extension JSONScanner {
    /// Skips one value of any kind.
    package mutating func skipValue() throws {
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

    /// Skips the next value and hands out its bytes (read them with a scanner of their own).
    package mutating func rawValue() throws -> UnsafeBufferPointer<UInt8> {
        skipWhitespace()
        let start = position
        try skipValue()
        return UnsafeBufferPointer(rebasing: bytes[start..<position])
    }

    /// Reads the next value with `body` and hands out its bytes too.
    package mutating func reading<Value>(_ body: (inout JSONScanner) throws -> Value) throws
        -> (value: Value, bytes: UnsafeBufferPointer<UInt8>)
    {
        skipWhitespace()
        let start = position
        let value = try body(&self)
        return (value, UnsafeBufferPointer(rebasing: bytes[start..<position]))
    }

    /// Consumes the next value if its bytes are exactly `value`'s (a whole value read before: JSON values end by
    /// themselves, so equal bytes are the same value and end at the same place).
    package mutating func consume(exactly value: UnsafeBufferPointer<UInt8>) -> Bool {
        skipWhitespace()
        guard let base = bytes.baseAddress, let expected = value.baseAddress, value.count <= bytes.count - position,
            memcmp(base + position, expected, value.count) == 0
        else { return false }
        position += value.count
        return true
    }

    /// Skips a string or `null` without building it (another kind of value throws) and hands out its bytes, for
    /// a field that is only needed when another one is missing.
    package mutating func rawString() throws -> UnsafeBufferPointer<UInt8> {
        skipWhitespace()
        let start = position
        if try !null() { try skipString() }
        return UnsafeBufferPointer(rebasing: bytes[start..<position])
    }

    package mutating func skipString() throws {
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
                while index < count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
                    index += 1
                }
                if index < count, bytes[index] == UInt8(ascii: "\\") {
                    index = try Self.end(ofStringAt: index, in: bytes)
                    continue
                }
                guard index < count else { throw Malformed(offset: index) }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard depth < 64 else { return try skipDeepContainer() }
                if bytes[index] == UInt8(ascii: "[") {
                    open |= 1 << UInt64(depth)
                } else {
                    open &= ~(1 << UInt64(depth))
                }
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
            while quote - backslashes - 1 >= start, bytes[quote - backslashes - 1] == UInt8(ascii: "\\") {
                backslashes += 1
            }
            if backslashes % 2 == 0 { return quote + 1 }
            index = quote + 1
        }
        throw Malformed(offset: bytes.count)
    }
}
