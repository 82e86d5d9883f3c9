import Foundation

/// One page of an OpenAI list: the records' encoded JSON, their ids (for the cursors) and whether more follow.
struct OpenAIEncodedPage: Sendable {
    var encoded: [Data]
    var ids: [String]
    var hasMore: Bool
}
