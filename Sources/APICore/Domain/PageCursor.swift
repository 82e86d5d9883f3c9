/// Where a page of a list starts: a page number, an opaque cursor, or the single page of an unpaged list.
public enum PageCursor: Sendable, Hashable, CustomStringConvertible {
    /// 1-based page number of a page-number list.
    case page(Int)
    /// An opaque cursor; nil asks for the first page.
    case after(String?)
    /// The only page of a list that is not paginated.
    case single

    /// The cursor of the first page, in the style of `self`.
    public var first: PageCursor {
        switch self {
        case .page: .page(1)
        case .after: .after(nil)
        case .single: .single
        }
    }

    public var description: String {
        switch self {
        case .page(let number): "page \(number)"
        case .after(let cursor): cursor.map { "cursor \($0)" } ?? "first cursor page"
        case .single: "single page"
        }
    }
}
