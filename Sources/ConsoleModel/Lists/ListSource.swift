import APICore

/// What a list shows: the cached resource, its normalized server-side query, and how to load its pages.
public struct ListSource<Row: Sendable>: Sendable {
    public var resource: CachedResource
    public var query: String
    public var list: PagedList<Row>

    public init(resource: CachedResource, query: String = "", list: PagedList<Row>) {
        self.resource = resource
        self.query = query
        self.list = list
    }
}
