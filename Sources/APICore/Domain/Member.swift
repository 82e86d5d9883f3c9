/// A person (or service identity) who belongs to an account.
///
/// Stored as a reference into a `MemberBlock` (the page it arrived in, or a block of its own) and an index: 16
/// bytes, with its text in the block's one buffer. Fields read as ordinary values; setting one moves the member
/// to a block of its own.
public struct Member: Sendable, Hashable, Identifiable, CustomStringConvertible {
    let block: MemberBlock
    let index: Int

    init(block: MemberBlock, index: Int) {
        self.block = block
        self.index = index
    }

    public init(
        id: String, email: String, name: String? = nil, status: MemberStatus, roles: [Role],
        twoFactorEnabled: Bool? = nil, scope: Scope
    ) {
        var builder = MemberBlockBuilder(scope: scope, capacity: 1)
        builder.append(
            id: id, email: email, name: name, status: status, roles: roles, twoFactorEnabled: twoFactorEnabled)
        self.init(block: builder.build(), index: 0)
    }

    public var id: String {
        get { block.string(block.idRange(index)) }
        set { self = with(id: newValue) }
    }

    public var email: String {
        get { block.string(block.emailRange(index)) }
        set { self = with(email: newValue) }
    }

    public var name: String? {
        get { block.entries[index].hasName ? block.string(block.nameRange(index)) : nil }
        set { self = with(name: .some(newValue)) }
    }

    public var status: MemberStatus {
        get { block.status(index) }
        set { self = with(status: newValue) }
    }

    /// nil when the provider does not say.
    public var twoFactorEnabled: Bool? {
        get { block.twoFactor(index) }
        set { self = with(twoFactorEnabled: .some(newValue)) }
    }

    public var roles: [Role] {
        get { block.roleSets[Int(block.entries[index].roleSet)] }
        set { self = with(roles: newValue) }
    }

    /// Where the member belongs: an account, an organization (the top level on OpenAI) or a project.
    public var scope: Scope {
        get { block.scope }
        set { self = with(scope: newValue) }
    }

    /// The id of the account or project the member belongs to ("" at the top level).
    public var accountID: String { scope.leaf?.id ?? "" }

    /// The UTF-8 of the email and of the name, read in place (no string is built): for filter text. (Not generic:
    /// a generic closure from another module goes through a reabstraction thunk per call, once per row.)
    public func withEmailAndNameUTF8(
        _ body: (_ email: UnsafeBufferPointer<UInt8>, _ name: UnsafeBufferPointer<UInt8>) -> Void
    ) {
        let email = block.emailRange(index)
        let name = block.nameRange(index)
        block.text.withUnsafeBufferPointer { text in
            body(UnsafeBufferPointer(rebasing: text[email]), UnsafeBufferPointer(rebasing: text[name]))
        }
    }

    /// These members packed into one block (a page of members built one by one: one allocation for their text
    /// instead of one per field).
    public static func packed(_ members: [Member]) -> [Member] {
        guard let first = members.first else { return [] }
        var builder = MemberBlockBuilder(scope: first.scope, capacity: members.count)
        for member in members {
            guard member.scope == first.scope else { return members }
            builder.append(
                id: member.id, email: member.email, name: member.name, status: member.status, roles: member.roles,
                twoFactorEnabled: member.twoFactorEnabled)
        }
        return builder.members()
    }

    public static func == (lhs: Member, rhs: Member) -> Bool {
        if lhs.block === rhs.block && lhs.index == rhs.index { return true }
        return lhs.id == rhs.id && lhs.email == rhs.email && lhs.name == rhs.name && lhs.status == rhs.status
            && lhs.twoFactorEnabled == rhs.twoFactorEnabled && lhs.roles == rhs.roles && lhs.scope == rhs.scope
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(email)
        hasher.combine(name)
        hasher.combine(status)
        hasher.combine(twoFactorEnabled)
        hasher.combine(roles)
        hasher.combine(scope)
    }

    public var description: String {
        "Member(id: \(id), email: \(email), name: \(name ?? "nil"), status: \(status.label), roles: "
            + "\(roles.map(\.name)), twoFactorEnabled: \(twoFactorEnabled.map(String.init) ?? "nil"), scope: \(scope))"
    }

    private func with(
        id: String? = nil, email: String? = nil, name: String?? = nil, status: MemberStatus? = nil,
        roles: [Role]? = nil, twoFactorEnabled: Bool?? = nil, scope: Scope? = nil
    ) -> Member {
        Member(
            id: id ?? self.id, email: email ?? self.email, name: name ?? self.name, status: status ?? self.status,
            roles: roles ?? self.roles, twoFactorEnabled: twoFactorEnabled ?? self.twoFactorEnabled,
            scope: scope ?? self.scope)
    }
}

/// Where a member stands in an account.
public enum MemberStatus: Sendable, Hashable {
    case active
    case pending
    case rejected
    case disabled
    case unknown(String)

    /// The status a word names ("accepted" is Cloudflare's word for active).
    public init(label: String) {
        switch label.lowercased() {
        case "active", "accepted": self = .active
        case "pending": self = .pending
        case "rejected": self = .rejected
        case "disabled": self = .disabled
        default: self = .unknown(label)
        }
    }

    /// The word shown in the status column.
    public var label: String {
        switch self {
        case .active: "active"
        case .pending: "pending"
        case .rejected: "rejected"
        case .disabled: "disabled"
        case .unknown(let raw): raw
        }
    }
}
