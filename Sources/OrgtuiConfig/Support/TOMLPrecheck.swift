/// What the TOML parser must never be handed, refused before it sees the text.
///
/// The parser (toml++ inside TOMLKit) checks two things with assertions instead of errors: a debug build aborts the
/// whole process on them, a release build carries on with undefined behaviour. Both were found by
/// `scripts/fuzz.sh toml`:
/// - a control character (TOML allows only tab and line ends, even in comments; in strings they are escapes);
/// - a table header whose first key does not start like a key (`[#`, `[{`, `[=`);
/// - a `}` where an array expects a value (`e = [}`);
/// - a character outside ASCII where a key or a value should be (`e = [` then U+0085, a Unicode space the parser
///   counts as whitespace but not as a separator). TOML allows them only in strings and comments.
struct TOMLPrecheck {
    private let bytes: [UInt8]
    private var offset = 0

    private init(_ text: String) { bytes = Array(text.utf8) }

    /// Throws the first problem in `text`, with its line and column.
    static func check(_ text: String) throws(TOMLSyntaxError) {
        var precheck = TOMLPrecheck(text)
        try precheck.refuseControlCharacters()
        try precheck.checkTableHeaders()
    }

    private func error(at position: Int, _ reason: String) -> TOMLSyntaxError {
        var line = 1
        var column = 1
        for byte in bytes[..<position] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return TOMLSyntaxError(line: line, column: column, reason: reason)
    }

    private func refuseControlCharacters() throws(TOMLSyntaxError) {
        for (position, byte) in bytes.enumerated() {
            switch byte {
            case 0x09, 0x0A: continue
            case 0x0D where position + 1 < bytes.count && bytes[position + 1] == 0x0A: continue
            case 0x00..<0x20, 0x7F:
                let hex = String(byte, radix: 16, uppercase: true)
                let code = "U+" + String(repeating: "0", count: 4 - hex.count) + hex
                throw error(
                    at: position,
                    "control character \(code) is not allowed in TOML (inside a string, write it as an escape)")
            default: continue
            }
        }
    }

    // MARK: - Table headers

    /// Walks the document the way the parser reads it (a line is a header, a key = value, a comment or blank; a
    /// value may run over lines inside brackets or a multi-line string) and checks each header's first key.
    private mutating func checkTableHeaders() throws(TOMLSyntaxError) {
        // The parser skips a byte order mark before the first line.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
        while offset < bytes.count {
            skip { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == 0x0A || $0 == 0x0D }
            guard offset < bytes.count else { return }
            switch bytes[offset] {
            case UInt8(ascii: "#"): skipToLineEnd()
            case UInt8(ascii: "["):
                try checkHeader()
                try skipRestOfHeader()
            default: try skipKeyValue()
            }
        }
    }

    private mutating func checkHeader() throws(TOMLSyntaxError) {
        let start = offset
        offset += 1
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "[") { offset += 1 }
        skip { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard offset < bytes.count else { return }
        let byte = bytes[offset]
        let startsAKey =
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || [UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "]")]
                .contains(byte)
        guard startsAKey else {
            throw error(at: start, "a table header must start with a key (letters, digits, - and _, or a quoted key)")
        }
    }

    /// The byte at `offset`, refused when it is not ASCII (outside a string or a comment).
    private func refuseNonASCII() throws(TOMLSyntaxError) {
        guard bytes[offset] >= 0x80 else { return }
        throw error(at: offset, "a character outside ASCII is allowed only in strings and comments")
    }

    /// The rest of a header's line: quoted keys skipped, a comment to the line's end.
    private mutating func skipRestOfHeader() throws(TOMLSyntaxError) {
        while offset < bytes.count, bytes[offset] != 0x0A {
            switch bytes[offset] {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): skipString()
            case UInt8(ascii: "#"): skipToLineEnd()
            default:
                try refuseNonASCII()
                offset += 1
            }
        }
    }

    /// A `key = value` line, with a value that may run over lines (arrays, multi-line strings).
    private mutating func skipKeyValue() throws(TOMLSyntaxError) {
        while offset < bytes.count, bytes[offset] != UInt8(ascii: "="), bytes[offset] != 0x0A {
            if bytes[offset] == UInt8(ascii: "\"") || bytes[offset] == UInt8(ascii: "'") {
                skipString()
            } else {
                try refuseNonASCII()
                offset += 1
            }
        }
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "=") else { return }
        offset += 1
        var open: [UInt8] = []  // the brackets and braces the value has open, innermost last
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): skipString()
            case UInt8(ascii: "#"): skipToLineEnd()
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                open.append(bytes[offset])
                offset += 1
            case UInt8(ascii: "}") where open.last == UInt8(ascii: "["):
                throw error(at: offset, "'}' inside an array, where a value or ']' should be")
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                _ = open.popLast()
                offset += 1
            case 0x0A:
                offset += 1
                if open.isEmpty { return }
            default:
                try refuseNonASCII()
                offset += 1
            }
        }
    }

    /// A string starting at `offset`: basic (escapes) or literal, single-line (ends at the line's end at the latest)
    /// or multi-line (triple quotes).
    private mutating func skipString() {
        let quote = bytes[offset]
        let isTriple = offset + 2 < bytes.count && bytes[offset + 1] == quote && bytes[offset + 2] == quote
        offset += isTriple ? 3 : 1
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") {
                offset += 2
                continue
            }
            if byte == 0x0A, !isTriple { return }
            if byte == quote {
                if !isTriple {
                    offset += 1
                    return
                }
                if offset + 2 < bytes.count, bytes[offset + 1] == quote, bytes[offset + 2] == quote {
                    offset += 3
                    // Up to two more quotes may close a multi-line string (`""""` ends with a quote in it).
                    while offset < bytes.count, bytes[offset] == quote { offset += 1 }
                    return
                }
            }
            offset += 1
        }
    }

    private mutating func skipToLineEnd() {
        while offset < bytes.count, bytes[offset] != 0x0A { offset += 1 }
    }

    private mutating func skip(while condition: (UInt8) -> Bool) {
        while offset < bytes.count, condition(bytes[offset]) { offset += 1 }
    }
}
