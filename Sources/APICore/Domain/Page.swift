/// One page of a list, with what the server said about the whole list.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    /// The cursor this page was requested with.
    public var cursor: PageCursor
    /// The cursor of the following page; nil on the last page.
    public var next: PageCursor?
    /// The number of pages the list has, when the server says.
    public var totalPages: Int?
    /// The number of items the list has, when the server says.
    public var totalCount: Int?

    public init(items: [Item], cursor: PageCursor, next: PageCursor?, totalPages: Int? = nil, totalCount: Int? = nil) {
        self.items = items
        self.cursor = cursor
        self.next = next
        self.totalPages = totalPages
        self.totalCount = totalCount
    }

    /// Whether more pages follow this one.
    public var hasMore: Bool { next != nil }

    /// The same page with its items transformed.
    public func map<Other: Sendable>(_ transform: (Item) throws -> Other) rethrows -> Page<Other> {
        Page<Other>(
            items: try items.map(transform), cursor: cursor, next: next, totalPages: totalPages, totalCount: totalCount)
    }
}

extension Page {
    /// The cursor that follows a page-number page, or nil when it was the last one.
    ///
    /// Stops at `totalPages` or on a short page, so a list never costs the extra empty request
    /// that an "until empty" loop would.
    public static func nextPageNumber(after page: Int, count: Int, perPage: Int?, totalPages: Int?) -> PageCursor? {
        if let totalPages, page >= totalPages { return nil }
        if count == 0 { return nil }
        if let perPage, count < perPage { return nil }
        return .page(page + 1)
    }
}
