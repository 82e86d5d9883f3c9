/// Strings with escapes: the rare slow path of `string()`.
extension JSONScanner {
    package mutating func escapedString(from start: Int) throws -> String {
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
}

/// A JSON string as a scanner found it: the bytes between its quotes when it has no escapes (valid while the
/// document is), else its decoded value.
package enum ScannedString {
    case bytes(UnsafeBufferPointer<UInt8>)
    case decoded(String)

    /// The text as a `String` (bytes that are not UTF-8 become U+FFFD).
    package var string: String {
        switch self {
        case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
        case .decoded(let string): string
        }
    }

    package var isEmpty: Bool {
        switch self {
        case .bytes(let bytes): bytes.isEmpty
        case .decoded(let string): string.isEmpty
        }
    }
}

extension JSONScanner {
    /// A string without building it (unless it has escapes), or nil for `null`.
    package mutating func scannedString() throws -> ScannedString? {
        if try null() { return nil }
        try expect(UInt8(ascii: "\""))
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                defer { position += 1 }
                return .bytes(UnsafeBufferPointer(rebasing: bytes[start..<position]))
            }
            if byte == UInt8(ascii: "\\") { return .decoded(try escapedString(from: start)) }
            if byte < 0x20 { throw Malformed(offset: position) }
            position += 1
        }
        throw Malformed(offset: position)
    }
}
