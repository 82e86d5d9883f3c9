/// The signed-in user's profile with every field, and the fields that can be edited.
public struct UserDetails: Sendable, Hashable {
    public var profile: UserProfile
    /// Every field, in display order.
    public var fields: [RecordField]
    /// The editable fields, with their current values (nil: not set).
    public var editable: [EditableField]

    public init(profile: UserProfile, fields: [RecordField], editable: [EditableField]) {
        self.profile = profile
        self.fields = fields
        self.editable = editable
    }
}

/// One editable field of a form: its key on the wire, its label and its current value.
public struct EditableField: Sendable, Hashable, Identifiable {
    public var id: String
    public var label: String
    public var value: String?

    public init(id: String, label: String, value: String?) {
        self.id = id
        self.label = label
        self.value = value
    }
}

/// A change to one editable field: a new value, or cleared.
public enum FieldChange: Sendable, Hashable {
    case set(String)
    case clear
}
