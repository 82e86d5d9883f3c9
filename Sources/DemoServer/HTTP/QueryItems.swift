import Foundation

/// The decoded query string of a request: `+` is a space, `%XX` is decoded, keys may repeat.
struct QueryItems: Sendable {
    let pairs: [(name: String, value: String)]

    init(_ raw: String?) {
        guard let raw, !raw.isEmpty else {
            pairs = []
            return
        }
        pairs = raw.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(pieces[0])
            let value = pieces.count > 1 ? Self.decode(pieces[1]) : ""
            return (name, value)
        }
    }

    /// The first value of `name`, or nil.
    subscript(_ name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every value of `name`, in order.
    func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// A boolean parameter ("true"/"false"); 400 otherwise.
    func bool(_ name: String) throws -> Bool? {
        guard let value = self[name] else { return nil }
        switch value.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw DemoAPIError.invalidParameter("\(name) must be true or false")
        }
    }

    /// An integer parameter within `range`; 400 otherwise.
    func int(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = self[name] else { return nil }
        guard let number = Int(value), range.contains(number) else {
            throw DemoAPIError.invalidParameter(
                "\(name) variable must be a number between \(range.lowerBound) and \(range.upperBound)")
        }
        return number
    }

    /// One of `allowed` values; 400 otherwise.
    func oneOf(_ name: String, _ allowed: [String]) throws -> String? {
        guard let value = self[name] else { return nil }
        guard allowed.contains(value) else {
            throw DemoAPIError.invalidParameter("\(name) must be one of \(allowed.joined(separator: ", "))")
        }
        return value
    }

    /// `direction`: true for descending.
    func descending(default value: Bool = false) throws -> Bool {
        guard let direction = try oneOf("direction", ["asc", "desc"]) else { return value }
        return direction == "desc"
    }

    private static func decode(_ text: Substring) -> String {
        // Page numbers and ids need no decoding: skip Foundation's two passes and copies.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) { return String(text) }
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
