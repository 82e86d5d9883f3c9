/// Reads the audit log of a scope.
public protocol AuditLogReading: Sendable {
    /// The audit log of `scope` (the user's at the top level, the account's in one), newest first, narrowed by
    /// `filter` (on the server where the API can, else page by page).
    func auditLog(in scope: Scope, filter: AuditFilter) -> Listing<AuditEntry>
}

extension AuditLogReading {
    /// The audit log since a date ("2026-11-01").
    public func auditLog(in scope: Scope, since: String?) -> Listing<AuditEntry> {
        auditLog(in: scope, filter: AuditFilter(since: since))
    }
}

/// Reads and edits the signed-in user's profile.
public protocol UserProfileEditing: Sendable {
    /// The profile with every field.
    func userDetails() async throws -> UserDetails
    /// Applies `changes` (field id to change); returns the profile as the server now has it.
    func editUser(_ changes: [String: FieldChange]) async throws -> UserDetails
}

/// Reads billing and subscriptions (read-only lists).
public protocol BillingReading: Sendable {
    /// The user's billing history.
    func billingHistory() -> Ledger
    /// The user's billing profile.
    func billingProfile() async throws -> [RecordField]
    /// The subscriptions of `scope`: the user's at the top level, the account's in one.
    func subscriptions(in scope: Scope) -> Ledger
}

/// Legacy organizations the user belongs to, which the user can leave.
public protocol OrganizationLeaving: Sendable {
    /// The organizations.
    func legacyOrganizations() -> Ledger
    /// Leaves one (by the id of its row).
    func leaveOrganization(id: String) async throws
}
