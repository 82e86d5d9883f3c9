/// A list the server hands out in pages: iterate it page by page, or fetch it all at once.
///
/// One abstraction over page-number, cursor and single-page lists; the client that builds it
/// decides how a page's `next` cursor is found.
public struct PagedList<Item: Sendable>: Sendable {
    /// Loads the page that starts at a cursor.
    public typealias FetchPage = @Sendable (PageCursor) async throws -> Page<Item>

    /// The cursor of the first page.
    public let first: PageCursor
    private let fetch: FetchPage

    public init(first: PageCursor, fetch: @escaping FetchPage) {
        self.first = first
        self.fetch = fetch
    }

    /// Loads one page.
    public func page(_ cursor: PageCursor) async throws -> Page<Item> {
        try await fetch(cursor)
    }

    /// The pages in order, each loaded when the sequence is advanced.
    public var pages: PageSequence<Item> { PageSequence(first: first, fetch: fetch) }

    /// Every item in page order.
    ///
    /// When the first page reports `totalPages`, the remaining pages are fetched concurrently,
    /// at most `concurrency` at a time; otherwise pages are followed one by one.
    public func fetchAll(concurrency: Int = 6) async throws -> [Item] {
        let firstPage = try await fetch(first)
        guard firstPage.next != nil else { return firstPage.items }
        if case .page(let firstNumber) = firstPage.cursor, let totalPages = firstPage.totalPages,
            totalPages > firstNumber
        {
            return try await fetchNumberedPages(
                after: firstPage, numbers: (firstNumber + 1)...totalPages, concurrency: max(1, concurrency))
        }
        var items = firstPage.items
        var next = firstPage.next
        while let cursor = next {
            let page = try await fetch(cursor)
            items.append(contentsOf: page.items)
            next = page.next
        }
        return items
    }

    private func fetchNumberedPages(after firstPage: Page<Item>, numbers: ClosedRange<Int>, concurrency: Int)
        async throws -> [Item]
    {
        let fetch = self.fetch
        var pagesByNumber: [Int: [Item]] = [:]
        try await withThrowingTaskGroup(of: (Int, [Item]).self) { group in
            var pending = numbers.makeIterator()
            for _ in 0..<concurrency {
                guard let number = pending.next() else { break }
                group.addTask { (number, try await fetch(.page(number)).items) }
            }
            while let (number, items) = try await group.next() {
                pagesByNumber[number] = items
                if let following = pending.next() {
                    group.addTask { (following, try await fetch(.page(following)).items) }
                }
            }
        }
        var items = firstPage.items
        items.reserveCapacity(firstPage.items.count * (numbers.count + 1))
        for number in numbers { items.append(contentsOf: pagesByNumber[number] ?? []) }
        return items
    }
}

/// The pages of a `PagedList`, loaded one at a time as the sequence is advanced.
public struct PageSequence<Item: Sendable>: AsyncSequence, Sendable {
    public typealias Element = Page<Item>

    let first: PageCursor
    let fetch: PagedList<Item>.FetchPage

    public func makeAsyncIterator() -> Iterator { Iterator(next: first, fetch: fetch) }

    /// Advances through the pages; ends after the page whose `next` is nil.
    public struct Iterator: AsyncIteratorProtocol {
        var next: PageCursor?
        let fetch: PagedList<Item>.FetchPage

        public mutating func next() async throws -> Page<Item>? {
            guard let cursor = next else { return nil }
            let page = try await fetch(cursor)
            next = page.next
            return page
        }
    }
}

extension PagedList {
    /// The same list with every item transformed, page by page.
    public func mapItems<Other: Sendable>(_ transform: @escaping @Sendable (Item) -> Other) -> PagedList<Other> {
        let fetch = self.fetch
        return PagedList<Other>(first: first) { cursor in try await fetch(cursor).map(transform) }
    }

    /// The same list with each page's items transformed together (so a page can share work between its items).
    public func mapPageItems<Other: Sendable>(_ transform: @escaping @Sendable ([Item]) -> [Other]) -> PagedList<Other>
    {
        let fetch = self.fetch
        return PagedList<Other>(first: first) { cursor in
            let page = try await fetch(cursor)
            return Page(
                items: transform(page.items), cursor: page.cursor, next: page.next, totalPages: page.totalPages,
                totalCount: page.totalCount)
        }
    }
}
