import APICore

/// The profile edit form: one line per editable field; an emptied field is cleared (sent as `null`).
public struct ProfileForm: Sendable, Hashable {
    public var fields: [EditableField]
    /// What is typed in each field, by field id.
    public var values: [String: String]
    public var cursor = 0

    public init(fields: [EditableField]) {
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
