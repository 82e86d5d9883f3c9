/// The signed-in identity, shown in the header.
public struct UserProfile: Sendable, Hashable {
    public var id: String
    public var email: String
    public var name: String?
    public var twoFactorEnabled: Bool?
    public var suspended: Bool?

    public init(id: String, email: String, name: String? = nil, twoFactorEnabled: Bool? = nil, suspended: Bool? = nil) {
        self.id = id
        self.email = email
        self.name = name
        self.twoFactorEnabled = twoFactorEnabled
        self.suspended = suspended
    }
}
