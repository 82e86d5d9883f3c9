/// What an Enter on a row puts in scope: an account, an organization, a project or a service account.
public enum ScopeKind: String, Sendable, Hashable {
    case account
    case organization
    case project
    case serviceAccount = "service account"
}

/// One step of a scope path; equal when kind and id are (the name is for the breadcrumb only).
public struct ScopeNode: Sendable, Hashable, CustomStringConvertible {
    public var kind: ScopeKind
    public var id: String
    public var name: String

    public init(kind: ScopeKind, id: String, name: String) {
        self.kind = kind
        self.id = id
        self.name = name
    }

    public static func == (lhs: ScopeNode, rhs: ScopeNode) -> Bool { lhs.kind == rhs.kind && lhs.id == rhs.id }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(id)
    }

    public var description: String { "\(kind.rawValue) \(id)" }
}

/// What the panes show: a path from the top level (nothing in scope) down to an account, project or service account.
public struct Scope: Sendable, Hashable, CustomStringConvertible {
    public var path: [ScopeNode]

    public init(_ path: [ScopeNode] = []) {
        self.path = path
    }

    /// Nothing in scope: the signed-in identity's own view.
    public static let top = Scope()

    /// Whether nothing is in scope.
    public var isTop: Bool { path.isEmpty }

    /// The innermost node.
    public var leaf: ScopeNode? { path.last }

    /// The innermost node of a kind.
    public func node(_ kind: ScopeKind) -> ScopeNode? { path.last { $0.kind == kind } }

    /// This scope with `node` entered.
    public func entering(_ node: ScopeNode) -> Scope { Scope(path + [node]) }

    /// The enclosing scope (the top level stays the top level).
    public var parent: Scope { Scope(Array(path.dropLast())) }

    public var description: String { path.isEmpty ? "top" : path.map(\.description).joined(separator: " › ") }
}
