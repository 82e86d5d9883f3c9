import APICore

/// Where to move an account: the tenant's organizations with the one holding it now marked, or the API's
/// refusal to list them (then there is nothing to pick).
public struct AccountMovePicker: Sendable, Hashable {
    public var account: Account
    public var organizations: [TenantOrganization]
    /// The organization holding the account now, when its path was read.
    public var current: TenantOrganization?
    /// Why the account's organizations could not be read, if so.
    public var pathError: String?
    /// Why there is nothing to pick (the organizations could not be listed), if so.
    public var refusal: String?
    public var cursor = 0

    public init(
        account: Account, organizations: [TenantOrganization], current: TenantOrganization?, pathError: String? = nil,
        refusal: String? = nil
    ) {
        self.account = account
        self.organizations = refusal == nil ? organizations : []
        self.current = current
        self.pathError = pathError
        self.refusal = refusal
        // Start on the first organization the account is not in already.
        cursor = self.organizations.firstIndex { $0.id != current?.id } ?? 0
    }

    /// The organization under the cursor.
    public var selected: TenantOrganization? { organizations.indices.contains(cursor) ? organizations[cursor] : nil }

    /// Moves the cursor by `delta`, within the list.
    public mutating func move(_ delta: Int) {
        guard !organizations.isEmpty else { return }
        cursor = max(0, min(organizations.count - 1, cursor + delta))
    }

    /// Whether `organization` holds the account now.
    public func isCurrent(_ organization: TenantOrganization) -> Bool { organization.id == current?.id }

    /// An organization's names from its root ("Acme Holdings › Acme Europe"), as far as the listed parents go.
    public func path(of organization: TenantOrganization) -> [String] {
        var names = [organization.name]
        var node = organization
        var seen: Set<String> = [organization.id]
        while let parentID = node.parentID, seen.insert(parentID).inserted {
            guard let parent = organizations.first(where: { $0.id == parentID }) else {
                if let name = node.parentName { names.insert(name, at: 0) }
                break
            }
            names.insert(parent.name, at: 0)
            node = parent
        }
        return names
    }

    /// Where the account is now, for the confirmation ("from Acme Europe").
    public var sourceName: String {
        if let current { return current.name }
        return pathError == nil ? "no organization" : "an organization that could not be read"
    }
}
