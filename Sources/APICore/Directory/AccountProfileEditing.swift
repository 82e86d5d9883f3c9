/// Reads and edits an account's business profile. Where the API refuses (an account outside an organization,
/// a caller who is not a tenant administrator) the refusal comes back as the API's error, shown as it is.
public protocol AccountProfileEditing: Sendable {
    /// The profile's fields, in display order, with their current values (nil: not set or not returned).
    func accountProfile(_ account: Account) async throws -> [EditableField]
    /// Applies `changes` (field id to change); returns the profile as now stored.
    ///
    /// A provider whose update replaces the whole profile reads it first and sends nothing when that read fails.
    func editAccountProfile(_ account: Account, _ changes: [String: FieldChange]) async throws -> [EditableField]
}
