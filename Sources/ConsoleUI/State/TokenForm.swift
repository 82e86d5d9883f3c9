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
        case name, permissions, resources, status, expires, notBefore, allowedIPs, deniedIPs

        /// The label shown before the value.
        public var label: String {
            switch self {
            case .name: "Name"
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
    public var groupFilter = ""
    public var groupCursor = 0
    /// Resources: every account of the user (or, with an account in scope, that account only).
    public var allAccounts: Bool
    public var enabled = true

    /// A create form for `scope` over `groups`.
    public init(creatingIn scope: Scope, groups: [PermissionGroup]) {
        mode = .create(scope: scope)
        fields = [.name, .permissions, .resources, .expires, .notBefore, .allowedIPs, .deniedIPs]
        self.groups = groups
        allAccounts = scope.node(.account) == nil
    }

    /// An edit form with the token's current values.
    public init(editing token: Token) {
        mode = .edit(tokenID: token.id, original: token)
        fields = [.name, .status, .expires, .allowedIPs, .deniedIPs]
        allAccounts = false
        enabled = token.status != .disabled
        texts[.name] = token.name
        texts[.expires] = token.expiresOn.map(Timestamp.format) ?? ""
        texts[.allowedIPs] = token.allowedIPRanges.joined(separator: ", ")
        texts[.deniedIPs] = token.deniedIPRanges.joined(separator: ", ")
    }

    /// The field with the focus.
    public var focused: Field { fields[min(focus, fields.count - 1)] }

    /// Whether an account is in scope (so "this account" is a choice).
    public var hasScopedAccount: Bool {
        if case .create(let scope) = mode { return scope.node(.account) != nil }
        return false
    }

    /// The groups matching the filter, in list order.
    public var filteredGroups: [PermissionGroup] {
        let filter = groupFilter.lowercased()
        guard !filter.isEmpty else { return groups }
        return groups.filter { $0.name.lowercased().contains(filter) }
    }

    /// The picked groups in list order.
    public var chosenGroups: [PermissionGroup] { groups.filter { chosen.contains($0.id) } }

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
        guard !chosen.isEmpty else { return .failure(TokenFormError("Pick at least one permission (Space ticks)")) }
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
                resources: allAccounts || !hasScopedAccount ? .allAccounts : .scopedAccount,
                expiresOn: expires, notBefore: notBefore, allowedIPRanges: ranges(.allowedIPs),
                deniedIPRanges: ranges(.deniedIPs)))
    }

    /// The edit of an edit form (only what changed), or why it is not valid.
    public func edit() -> Result<TokenEdit, TokenFormError> {
        guard case .edit(_, let original) = mode else { return .failure(TokenFormError("Not an edit form")) }
        var edit = TokenEdit()
        let name = text(.name).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return .failure(TokenFormError("A token needs a name")) }
        if name != original.name { edit.name = name }
        if enabled != (original.status != .disabled) { edit.enabled = enabled }
        switch date(.expires) {
        case .failure(let error): return .failure(error)
        case .success(let date):
            if date != original.expiresOn { edit.expiresOn = date.map { .set(Timestamp.format($0)) } ?? .clear }
        }
        if ranges(.allowedIPs) != original.allowedIPRanges { edit.allowedIPRanges = ranges(.allowedIPs) }
        if ranges(.deniedIPs) != original.deniedIPRanges { edit.deniedIPRanges = ranges(.deniedIPs) }
        return .success(edit)
    }
}

/// Why a token form cannot be sent.
public struct TokenFormError: Error, Sendable, Hashable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
