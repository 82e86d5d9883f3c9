/// The paging parameters of an OpenAI list: `after`, `limit` (checked against its range) and `order`.
struct OpenAIListQuery: Sendable, Hashable {
    var after: String?
    var limit: Int
    var descending: Bool

    /// The largest `limit` of most lists.
    static let maximumLimit = 100

    /// Reads the query; a `limit` outside `1...maximum` or an unknown `order` is a 400 naming the parameter.
    init(_ query: QueryItems, defaultLimit: Int = 20, maximum: Int = maximumLimit, defaultDescending: Bool = false)
        throws
    {
        after = query["after"].flatMap { $0.isEmpty ? nil : $0 }
        if let text = query["limit"] {
            guard let value = Int(text) else {
                throw OpenAIAPIError.invalid(
                    "Invalid 'limit': expected an integer, but got '\(text)' instead.", param: "limit",
                    code: "invalid_type")
            }
            guard value >= 1 else {
                throw OpenAIAPIError.invalid(
                    "Invalid 'limit': integer below minimum value. Expected a value >= 1, but got \(value) instead.",
                    param: "limit", code: "integer_below_min_value")
            }
            guard value <= maximum else {
                throw OpenAIAPIError.invalid(
                    "Invalid 'limit': integer above maximum value. Expected a value <= \(maximum), but got \(value) "
                        + "instead.", param: "limit", code: "integer_above_max_value")
            }
            limit = value
        } else {
            limit = defaultLimit
        }
        switch query["order"] {
        case nil: descending = defaultDescending
        case "asc": descending = false
        case "desc": descending = true
        case let other?:
            throw OpenAIAPIError.invalid(
                "Invalid 'order': expected one of asc, desc, but got '\(other)' instead.", param: "order",
                code: "invalid_value")
        }
    }

    /// A page of `list`, or 400 when `after` names no record of it.
    func page<Record>(
        of list: inout OpenAIRecordList<Record>, matching: ((Record) -> Bool)? = nil
    ) throws -> OpenAIEncodedPage {
        guard let page = list.page(after: after, limit: limit, descending: descending, matching: matching) else {
            throw OpenAIAPIError.invalid(
                "Invalid 'after': no object with id '\(after ?? "")' in this list.", param: "after",
                code: "invalid_value")
        }
        return page
    }
}
