import APICore
import CloudflareAPI

/// A page-number request (`page`, `per_page`) and the slicing that answers it.
struct CloudflarePageRequest: Sendable, Hashable {
    var page: Int
    var perPage: Int

    /// Reads `page` and `per_page`, checking `per_page` against `allowed`.
    init(_ query: QueryItems, defaultPerPage: Int = 20, allowed: ClosedRange<Int> = 5...50) throws {
        page = try query.int("page", in: 1...Int(Int32.max)) ?? 1
        perPage = try query.int("per_page", in: allowed) ?? defaultPerPage
    }

    init(page: Int, perPage: Int) {
        self.page = page
        self.perPage = perPage
    }

    /// The items of this page and the `result_info`; past the last page the items are empty.
    func slice<T>(_ items: [T]) -> (items: [T], info: Cloudflare.ResultInfo) {
        let (range, info) = range(ofTotal: items.count)
        return (Array(items[range]), info)
    }

    /// Which positions of `total` items this page holds, and the `result_info` (for callers that read the items in
    /// place instead of copying them).
    func range(ofTotal total: Int) -> (range: Range<Int>, info: Cloudflare.ResultInfo) {
        let totalPages = (total + perPage - 1) / perPage
        let start = min((page - 1).multipliedReportingOverflow(by: perPage).partialValue, total)
        let end = min(start + perPage, total)
        let count = max(end - start, 0)
        let info = Cloudflare.ResultInfo(
            page: page, perPage: perPage, count: count, totalCount: total, totalPages: totalPages)
        return (start..<max(end, start), info)
    }
}
