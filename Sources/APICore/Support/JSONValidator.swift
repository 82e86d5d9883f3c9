import Foundation  // memcmp

/// Whether a document is JSON that `JSONDecoder` accepts, checked in one pass without building anything.
///
/// The page scanners skip what they do not read without looking inside (a role's permission map costs one bracket
/// match), so on their own they would accept a page whose skipped parts are broken (`tru`, a raw newline in a
/// string, a lone surrogate) and show rows the decoder would refuse. A scanner that finished runs this
/// check too and hands the page to the decoder when it fails, so scanner and decoder never disagree (fuzzed against
/// each other by `scripts/fuzz.sh member-pages`).
///
/// Stricter than JSON in one way: an object with a key twice, or a key written with an escape, is refused too. The
/// decoder keeps a repeated key's first value where a scanner keeps its last; neither occurs in an API's answer, so
/// handing such a page to the decoder costs nothing in practice.
///
/// Bytes that are not UTF-8 are let through on purpose: the scanners show them as U+FFFD (PRODUCT.md: invalid UTF-8
/// is shown as `�`, nothing silently dropped) where the decoder would refuse the whole page over one bad name; the
/// fuzz target compares the scanner's rows with the decoder's rows of the repaired text.
package enum JSONValidator {
    /// Nesting deeper than this is refused, as `JSONDecoder` refuses it.
    static let maximumDepth = 512

    /// Whether `bytes` is one JSON value with optional whitespace around it (RFC 8259, UTF-8).
    package static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var reader = Reader(bytes: bytes)
        do {
            try reader.value(depth: 0)
            reader.skipWhitespace()
            return reader.position == bytes.count
        } catch {
            return false
        }
    }

    private struct Invalid: Error {}

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        /// The keys of the objects being read, innermost last: each key's start and length, for the duplicate check.
        var keys: [(start: Int, count: Int)] = []

        mutating func skipWhitespace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        func peek() throws(Invalid) -> UInt8 {
            guard position < bytes.count else { throw Invalid() }
            return bytes[position]
        }

        mutating func expect(_ byte: UInt8) throws(Invalid) {
            guard try peek() == byte else { throw Invalid() }
            position += 1
        }

        mutating func value(depth: Int) throws(Invalid) {
            skipWhitespace()
            switch try peek() {
            case UInt8(ascii: "{"): try object(depth: depth + 1)
            case UInt8(ascii: "["): try array(depth: depth + 1)
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            default: try number()
            }
        }

        mutating func object(depth: Int) throws(Invalid) {
            guard depth <= JSONValidator.maximumDepth else { throw Invalid() }
            position += 1
            skipWhitespace()
            if try peek() == UInt8(ascii: "}") {
                position += 1
                return
            }
            let firstKey = keys.count
            defer { keys.removeLast(keys.count - firstKey) }
            while true {
                skipWhitespace()
                try key(after: firstKey)
                skipWhitespace()
                try expect(UInt8(ascii: ":"))
                try value(depth: depth)
                skipWhitespace()
                let next = try peek()
                position += 1
                if next == UInt8(ascii: "}") { return }
                guard next == UInt8(ascii: ",") else { throw Invalid() }
            }
        }

        mutating func array(depth: Int) throws(Invalid) {
            guard depth <= JSONValidator.maximumDepth else { throw Invalid() }
            position += 1
            skipWhitespace()
            if try peek() == UInt8(ascii: "]") {
                position += 1
                return
            }
            while true {
                try value(depth: depth)
                skipWhitespace()
                let next = try peek()
                position += 1
                if next == UInt8(ascii: "]") { return }
                guard next == UInt8(ascii: ",") else { throw Invalid() }
            }
        }

        mutating func literal(_ word: StaticString) throws(Invalid) {
            let count = word.utf8CodeUnitCount
            guard bytes.count - position >= count else { throw Invalid() }
            for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { throw Invalid() }
            position += count
        }

        /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
        mutating func number() throws(Invalid) {
            if try peek() == UInt8(ascii: "-") { position += 1 }
            if try peek() == UInt8(ascii: "0") {
                position += 1
            } else {
                try digits()
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
                position += 1
                try digits()
            }
            if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
                position += 1
                let sign = try peek()
                if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { position += 1 }
                try digits()
            }
        }

        mutating func digits() throws(Invalid) {
            let start = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
                position += 1
            }
            guard position > start else { throw Invalid() }
        }

        /// An object's key: a string without escapes, not met before in the object (the keys from `firstKey` on).
        mutating func key(after firstKey: Int) throws(Invalid) {
            let start = position + 1
            guard try !string(), let base = bytes.baseAddress else { throw Invalid() }
            let count = position - 1 - start
            for earlier in keys[firstKey...]
            where earlier.count == count && memcmp(base + earlier.start, base + start, count) == 0 {
                throw Invalid()
            }
            keys.append((start, count))
        }

        /// A string: no raw control character, known escapes only, surrogates in pairs (other bytes as they come).
        /// Returns whether the string holds an escape.
        @discardableResult
        mutating func string() throws(Invalid) -> Bool {
            try expect(UInt8(ascii: "\""))
            let count = bytes.count
            var escaped = false
            while true {
                // Most bytes of a string need no look beyond this test.
                while position < count {
                    let byte = bytes[position]
                    if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { break }
                    position += 1
                }
                guard position < count else { throw Invalid() }
                switch bytes[position] {
                case UInt8(ascii: "\""):
                    position += 1
                    return escaped
                case UInt8(ascii: "\\"):
                    position += 1
                    escaped = true
                    try escape()
                default:
                    throw Invalid()
                }
            }
        }

        mutating func escape() throws(Invalid) {
            let byte = try peek()
            position += 1
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                return
            case UInt8(ascii: "u"):
                let unit = try hexUnit()
                if (0xDC00...0xDFFF).contains(unit) { throw Invalid() }
                guard (0xD800...0xDBFF).contains(unit) else { return }
                try expect(UInt8(ascii: "\\"))
                try expect(UInt8(ascii: "u"))
                guard (0xDC00...0xDFFF).contains(try hexUnit()) else { throw Invalid() }
            default:
                throw Invalid()
            }
        }

        mutating func hexUnit() throws(Invalid) -> UInt32 {
            var unit: UInt32 = 0
            for _ in 0..<4 {
                let byte = try peek()
                position += 1
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw Invalid()
                }
                unit = unit << 4 | UInt32(digit)
            }
            return unit
        }
    }
}
