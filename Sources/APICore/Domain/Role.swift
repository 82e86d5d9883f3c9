/// A named role a member holds in an account.
public struct Role: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var description: String?
    /// What the role grants, one line per area ("dns: read, write"), when the provider lists it.
    public var permissions: [String]

    public init(id: String, name: String, description: String? = nil, permissions: [String] = []) {
        self.id = id
        self.name = name
        self.description = description
        self.permissions = permissions
    }

    /// The broad class of the role, used to colour it (owner > admin > member > viewer).
    public var tier: RoleTier { RoleTier(roleName: name) }
}

/// The broad privilege class of a role, derived from its name.
public enum RoleTier: Int, Sendable, Hashable, Comparable {
    case viewer, member, admin, owner

    /// Classifies a provider's role name ("Super Administrator - All Privileges", "org_admin", "reader", …).
    public init(roleName: String) {
        // Byte search over the lower-cased UTF-8 (every key word is ASCII): the roles column classifies each
        // visible row's roles on every frame, and Foundation's `contains` costs a CFString search each.
        let name = Array(roleName.lowercased().utf8)
        func has(_ word: StaticString) -> Bool {
            word.withUTF8Buffer { word in
                guard word.count <= name.count else { return false }
                return (0...(name.count - word.count)).contains { start in
                    (0..<word.count).allSatisfy { name[start + $0] == word[$0] }
                }
            }
        }
        if has("owner") || has("super administrator") {
            self = .owner
        } else if has("admin") {
            self = .admin
        } else if has("read") || has("view") || has("audit") {
            self = .viewer
        } else {
            self = .member
        }
    }

    public static func < (lhs: RoleTier, rhs: RoleTier) -> Bool { lhs.rawValue < rhs.rawValue }
}
