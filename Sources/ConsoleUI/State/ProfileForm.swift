import APICore

/// A profile edit form (the user's, or an account's business profile): one line per editable field.
public struct ProfileForm: Sendable, Hashable {
    /// Whose profile the form edits.
    public enum Target: Sendable, Hashable {
        /// The signed-in user's: an emptied field is cleared (sent as `null`).
        case user
        /// An account's business profile: the whole profile is written, an emptied field as "".
        case account(Account)
        /// A subscription of the subscriptions view: a new one (nil), or the one with this id.
        case subscription(id: String?)
    }

    public var target: Target
    public var fields: [EditableField]
    /// What is typed in each field, by field id.
    public var values: [String: String]
    public var cursor = 0

    public init(fields: [EditableField], target: Target = .user) {
        self.target = target
        self.fields = fields
        values = Dictionary(uniqueKeysWithValues: fields.map { ($0.id, $0.value ?? "") })
    }

    /// The field under the cursor.
    public var current: EditableField? { fields.indices.contains(cursor) ? fields[cursor] : nil }

    /// What changed: new values, and fields emptied that had a value (cleared).
    public var changes: [String: FieldChange] {
        var changes: [String: FieldChange] = [:]
        for field in fields {
            let typed = values[field.id] ?? ""
            let before = field.value ?? ""
            guard typed != before else { continue }
            changes[field.id] = typed.isEmpty ? .clear : .set(typed)
        }
        return changes
    }
}
