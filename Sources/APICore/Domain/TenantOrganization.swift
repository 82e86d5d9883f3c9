/// An organization of a tenant (the newer Organizations API, not the legacy user organizations): a place an
/// account sits in and can be moved to.
public struct TenantOrganization: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// The organization that contains this one; nil for a root.
    public var parentID: String?
    public var parentName: String?

    public init(id: String, name: String, parentID: String? = nil, parentName: String? = nil) {
        self.id = id
        self.name = name
        self.parentID = parentID
        self.parentName = parentName
    }
}
