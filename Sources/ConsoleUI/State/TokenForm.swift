import APICore
import Foundation

/// The token form: create (name, permissions, resources, expiry, not-before, IP ranges) or edit (name, status,
/// expiry, IP ranges). Dates are `YYYY-MM-DD` or RFC 3339; IP ranges are comma-separated CIDRs.
public struct TokenForm: Sendable, Hashable {
    /// What the form makes.
    public enum Mode: Sendable, Hashable {
        case create(scope: Scope)
        case edit(tokenID: String, original: Token)
    }

    /// One line of the form.
    public enum Field: String, Sendable, Hashable {
        case name, description, permissions, resources, status, expires, notBefore, allowedIPs, deniedIPs

        /// The label shown before the value.
        public var label: String {
            switch self {
            case .name: "Name"
            case .description: "Description"
            case .permissions: "Permissions"
            case .resources: "Resources"
            case .status: "Status"
            case .expires: "Expires"
            case .notBefore: "Not before"
            case .allowedIPs: "IP allowed"
            case .deniedIPs: "IP denied"
            }
        }

        /// Whether the field takes typed text.
        public var isText: Bool { ![.permissions, .resources, .status].contains(self) }
    }

    public var mode: Mode
    public var fields: [Field]
    public var focus = 0
    public var texts: [Field: String] = [:]
    /// Permission groups to pick from (create only), the picked ids, the filter typed, and the cursor in the filtered list.
    public var groups: [PermissionGroup] = []
    public var chosen: Set<String> = []
    /// Groups picked to deny (a deny policy), by id.
    public var denied: Set<String> = []
    public var groupFilter = ""
    public var groupCursor = 0
    /// Resources: every account of the user (or, with an account in scope, that account only).
    public var allAccounts: Bool
    public var enabled = true

    /// A create form for `scope` over `groups`, with the fields the provider offers.
    public init(
        creatingIn scope: Scope, groups: [PermissionGroup],
        offering offered: TokenFormFields = [.permissions, .expiry, .notBefore, .ipRanges]
    ) {
        mode = .create(scope: scope)
        fields = Self.fields(offered, creating: true)
        self.groups = groups
        allAccounts = scope.node(.account) == nil
    }

    /// An edit form with the token's current values and the fields the provider lets change.
    public init(editing token: Token, offering offered: TokenFormFields = [.status, .expiry, .ipRanges]) {
        mode = .edit(tokenID: token.id, original: token)
        fields = Self.fields(offered, creating: false)
        allAccounts = false
        texts[.description] = token.description ?? ""
        enabled = token.status != .disabled
        texts[.name] = token.name
        texts[.expires] = token.expiresOn.map(Timestamp.format) ?? ""
        texts[.allowedIPs] = token.allowedIPRanges.joined(separator: ", ")
        texts[.deniedIPs] = token.deniedIPRanges.joined(separator: ", ")
    }

    /// The lines of a form offering `offered`, in a fixed order.
    static func fields(_ offered: TokenFormFields, creating: Bool) -> [Field] {
        var fields: [Field] = [.name]
        if offered.contains(.description) { fields.append(.description) }
        if offered.contains(.permissions) { fields += [.permissions, .resources] }
        if !creating && offered.contains(.status) { fields.append(.status) }
        if offered.contains(.expiry) { fields.append(.expires) }
        if creating && offered.contains(.notBefore) { fields.append(.notBefore) }
        if offered.contains(.ipRanges) { fields += [.allowedIPs, .deniedIPs] }
        return fields
    }

    /// The field with the focus.
    public var focused: Field { fields[min(focus, fields.count - 1)] }

    /// Whether an account is in scope (so "this account" is a choice).
    public var hasScopedAccount: Bool {
        switch mode {
        case .create(let scope): scope.node(.account) != nil
        case .edit(_, let token): boundAccount != nil || token.owner.node(.account) != nil
        }
    }

    /// The groups matching the filter, in list order.
    public var filteredGroups: [PermissionGroup] {
        let filter = groupFilter.lowercased()
        guard !filter.isEmpty else { return groups }
        return groups.filter { $0.name.lowercased().contains(filter) }
    }

    /// The picked groups in list order.
    public var chosenGroups: [PermissionGroup] { groups.filter { chosen.contains($0.id) } }

    /// The groups picked to deny, in list order.
    public var deniedGroups: [PermissionGroup] { groups.filter { denied.contains($0.id) } }

    /// Space on a group: not picked → allowed → denied → not picked.
    public mutating func cycle(_ id: String) {
        if chosen.contains(id) {
            chosen.remove(id)
            denied.insert(id)
        } else if denied.contains(id) {
            denied.remove(id)
        } else {
            chosen.insert(id)
        }
    }

    /// Ticks what the token's policies allow and deny, bound where they are, for its edit form.
    public mutating func pick(_ grants: TokenGrants, among groups: [PermissionGroup]) {
        self.groups = groups
        chosen = Set(grants.allowed.map(\.id))
        denied = Set(grants.denied.map(\.id))
        originalPicks = [chosen, denied]
        switch grants.resources {
        case .allAccounts: allAccounts = true
        case .account(let id): boundAccount = id
        case .scopedAccount: allAccounts = false
        }
    }

    /// The one account an edited token's policies are bound to (kept unless every account is chosen).
    public private(set) var boundAccount: String?

    /// Where the permissions apply.
    public var resources: TokenResources {
        if allAccounts || !hasScopedAccount { return .allAccounts }
        if let boundAccount { return .account(id: boundAccount) }
        return .scopedAccount
    }

    /// The picks the edit form opened with, to tell whether the permissions changed.
    public private(set) var originalPicks: [Set<String>] = []

    public func text(_ field: Field) -> String { texts[field] ?? "" }

    /// The comma-separated ranges of a field.
    public func ranges(_ field: Field) -> [String] {
        text(field).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The date typed in a field: nil when empty; `.failure` with the text when it is not a date.
    public func date(_ field: Field) -> Result<Date?, TokenFormError> {
        let typed = text(field).trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { return .success(nil) }
        guard let date = Timestamp.parse(typed) else {
            return .failure(TokenFormError("\(field.label): '\(typed)' is not a date (YYYY-MM-DD)"))
        }
        return .success(date)
    }

    /// The draft of a create form, or why it is not complete.
    public func draft() -> Result<TokenDraft, TokenFormError> {
        let name = text(.name).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return .failure(TokenFormError("Enter a name")) }
        guard !chosen.isEmpty || !fields.contains(.permissions) else {
            return .failure(TokenFormError("Pick at least one permission to allow (Space: allow, again: deny)"))
        }
        let expires: Date?
        let notBefore: Date?
        switch date(.expires) {
        case .success(let value): expires = value
        case .failure(let error): return .failure(error)
        }
        switch date(.notBefore) {
        case .success(let value): notBefore = value
        case .failure(let error): return .failure(error)
        }
        return .success(
            TokenDraft(
                name: name, permissionGroups: chosenGroups,
                resources: resources,
                expiresOn: expires, notBefore: notBefore, allowedIPRanges: ranges(.allowedIPs),
                deniedIPRanges: ranges(.deniedIPs),
                description: fields.contains(.description) ? text(.description) : nil, deniedGroups: deniedGroups))
    }

    /// The edit of an edit form (only what changed), or why it is not valid.
    public func edit() -> Result<TokenEdit, TokenFormError> {
        guard case .edit(_, let original) = mode else { return .failure(TokenFormError("Not an edit form")) }
        var edit = TokenEdit()
        let name = text(.name).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return .failure(TokenFormError("A token needs a name")) }
        if name != original.name { edit.name = name }
        if fields.contains(.status), enabled != (original.status != .disabled) { edit.enabled = enabled }
        if fields.contains(.expires) {
            switch date(.expires) {
            case .failure(let error): return .failure(error)
            case .success(let date):
                if date != original.expiresOn { edit.expiresOn = date.map { .set(Timestamp.format($0)) } ?? .clear }
            }
        }
        if fields.contains(.allowedIPs) {
            if ranges(.allowedIPs) != original.allowedIPRanges { edit.allowedIPRanges = ranges(.allowedIPs) }
            if ranges(.deniedIPs) != original.deniedIPRanges { edit.deniedIPRanges = ranges(.deniedIPs) }
        }
        if fields.contains(.description) {
            let description = text(.description).trimmingCharacters(in: .whitespaces)
            if description != (original.description ?? "") { edit.description = description }
        }
        if fields.contains(.permissions), [chosen, denied] != originalPicks {
            guard !chosen.isEmpty else {
                return .failure(TokenFormError("Allow at least one permission (Space: allow, again: deny)"))
            }
            edit.grants = TokenGrants(
                allowed: chosenGroups, denied: deniedGroups,
                resources: resources)
        }
        return .success(edit)
    }
}

/// Why a token form cannot be sent.
public struct TokenFormError: Error, Sendable, Hashable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
