import APICore
import Foundation
import KeycardAPI

/// A cursor-list request (`after` / `before` / `limit`) and the slicing that answers it.
///
/// A cursor encodes the `sequence` of an item (base64url of `kc1:<n>`), so it stays valid when that item is deleted.
struct KeycardPageRequest: Sendable, Hashable {
    static let defaultLimit = 50
    static let maximumLimit = 100

    var after: Int?
    var before: Int?
    var limit: Int

    /// Reads `after`, `before` and `limit`; a bad value is a 400.
    init(_ query: QueryItems) throws {
        after = try query["after"].map(Self.decode)
        before = try query["before"].map(Self.decode)
        if after != nil, before != nil { throw KeycardAPIError.invalid("after and before cannot be used together") }
        if let text = query["limit"] {
            guard let value = Int(text), (1...Self.maximumLimit).contains(value) else {
                throw KeycardAPIError.invalid("limit must be an integer between 1 and \(Self.maximumLimit)")
            }
            limit = value
        } else {
            limit = Self.defaultLimit
        }
    }

    /// The page of `items` (in ascending `sequence` order) this request asks for, and its `page_info`.
    func slice<T>(_ items: [T], sequence: (T) -> Int) -> (items: [T], info: Keycard.PageInfo) {
        let page: ArraySlice<T>
        let hasNext: Bool
        let hasPrev: Bool
        if let before {
            let candidates = items.prefix { sequence($0) < before }
            page = candidates.suffix(limit)
            hasPrev = candidates.count > limit
            hasNext = candidates.count < items.count
        } else if let after {
            let skipped = items.prefix { sequence($0) <= after }.count
            let candidates = items.dropFirst(skipped)
            page = candidates.prefix(limit)
            hasNext = candidates.count > limit
            hasPrev = skipped > 0
        } else {
            page = items.prefix(limit)
            hasNext = items.count > limit
            hasPrev = false
        }
        let info = Keycard.PageInfo(
            hasNextPage: hasNext, hasPrevPage: hasPrev, startCursor: page.first.map { Self.cursor(sequence($0)) },
            endCursor: page.last.map { Self.cursor(sequence($0)) })
        return (Array(page), info)
    }

    /// The opaque cursor of the item with `sequence`.
    static func cursor(_ sequence: Int) -> String {
        Data("kc1:\(sequence)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func decode(_ cursor: String) throws -> Int {
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8),
            text.hasPrefix("kc1:"), let value = Int(text.dropFirst(4))
        else { throw KeycardAPIError.invalid("invalid cursor") }
        return value
    }
}

extension QueryItems {
    /// The `expand` values, sent as `expand=` (SDK 0.18.0) or `expand[]=` (the model documentation).
    var keycardExpand: Set<String> {
        Set(all("expand") + all("expand[]"))
    }
}
