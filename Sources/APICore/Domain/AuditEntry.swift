import Foundation

/// One entry of an audit log: who did what to which resource, when, and whether it worked.
public struct AuditEntry: Sendable, Hashable, Identifiable {
    public var id: String
    public var when: Date?
    /// The time as the server sent it, for display when it does not parse.
    public var whenText: String
    public var actor: String
    public var action: String
    public var resource: String
    /// nil when the log does not say.
    public var succeeded: Bool?
    /// The value before and after the change, when the log records them.
    public var oldValue: String?
    public var newValue: String?
    /// Every other field the entry has, for the detail view.
    public var fields: [RecordField]

    public init(
        id: String, when: Date?, whenText: String, actor: String, action: String, resource: String,
        succeeded: Bool?, oldValue: String? = nil, newValue: String? = nil, fields: [RecordField] = []
    ) {
        self.id = id
        self.when = when
        self.whenText = whenText
        self.actor = actor
        self.action = action
        self.resource = resource
        self.succeeded = succeeded
        self.oldValue = oldValue
        self.newValue = newValue
        self.fields = fields
    }

    /// The result column: "ok", "failed" or "".
    public var resultLabel: String { succeeded.map { $0 ? "ok" : "failed" } ?? "" }
}
