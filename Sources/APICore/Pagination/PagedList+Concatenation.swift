extension PagedList {
    /// This list's pages, then `other`'s, as one list (a project's API keys, then its service accounts).
    ///
    /// The cursors are `.after(…)` values that remember which part a page belongs to, so a page of either part can
    /// be loaded (and cached) on its own; `.after(nil)` is the first page of this list.
    public func followed(by other: PagedList<Item>) -> PagedList<Item> {
        let head = self
        let tail = other
        return PagedList(first: .after(nil)) { cursor in
            switch try ConcatenatedCursor(cursor, headFirst: head.first) {
            case .head(let inner):
                let page = try await head.page(inner)
                let next = page.next.map(ConcatenatedCursor.head) ?? .tail(tail.first)
                return Page(items: page.items, cursor: cursor, next: next.cursor)
            case .tail(let inner):
                let page = try await tail.page(inner)
                return Page(
                    items: page.items, cursor: cursor, next: page.next.map { ConcatenatedCursor.tail($0).cursor })
            }
        }
    }
}

/// Which part of a concatenated list a cursor points into, written as one opaque `.after` string.
enum ConcatenatedCursor: Equatable {
    case head(PageCursor)
    case tail(PageCursor)

    /// Reads a cursor of a concatenated list; `.after(nil)` (its first page) is `headFirst`, the head's first page.
    init(_ cursor: PageCursor, headFirst: PageCursor) throws {
        guard case .after(let text) = cursor else {
            throw APIError(kind: .invalidConfiguration, detail: "A concatenated list cannot start at \(cursor)")
        }
        guard let text else {
            self = .head(headFirst)
            return
        }
        guard let part = text.first, let inner = Self.parse(text.dropFirst()) else {
            throw APIError(kind: .invalidConfiguration, detail: "Not a cursor of a concatenated list: \(text)")
        }
        switch part {
        case "h": self = .head(inner)
        case "t": self = .tail(inner)
        default: throw APIError(kind: .invalidConfiguration, detail: "Not a cursor of a concatenated list: \(text)")
        }
    }

    /// The cursor as the combined list hands it out.
    var cursor: PageCursor {
        switch self {
        case .head(let inner): .after("h" + Self.write(inner))
        case .tail(let inner): .after("t" + Self.write(inner))
        }
    }

    private static func write(_ cursor: PageCursor) -> String {
        switch cursor {
        case .page(let number): "p\(number)"
        case .after(nil): "a"
        case .after(let text?): "a:" + text
        case .single: "s"
        }
    }

    private static func parse(_ text: Substring) -> PageCursor? {
        if text == "s" { return .single }
        if text == "a" { return .after(nil) }
        if text.hasPrefix("a:") { return .after(String(text.dropFirst(2))) }
        if text.hasPrefix("p"), let number = Int(text.dropFirst()) { return .page(number) }
        return nil
    }
}
