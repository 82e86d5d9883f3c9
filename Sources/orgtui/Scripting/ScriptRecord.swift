import APICore
import Foundation

/// One record a scripting command prints: provider-neutral fields in a fixed order (the documented JSON field
/// names), and the provider's own object under `raw`.
struct ScriptRecord {
    /// A field's value.
    enum Value {
        case text(String?)
        case flag(Bool?)
        case number(Int?)
        case list([String])
        case date(Date?)

        /// How a table cell shows it.
        var cell: String {
            switch self {
            case .text(let text): text ?? ""
            case .flag(let flag): flag.map { $0 ? "yes" : "no" } ?? ""
            case .number(let number): number.map(String.init) ?? ""
            case .list(let items): items.joined(separator: ", ")
            case .date(let date): date.map(ScriptRecord.dayFormat) ?? ""
            }
        }
    }

    var fields: [(name: String, value: Value)]
    /// The object the API sent for this record, when there was one with its id.
    var raw: JSONValue?

    init(_ fields: [(String, Value)], raw: JSONValue? = nil) {
        self.fields = fields.map { (name: $0.0, value: $0.1) }
        self.raw = raw
    }

    /// A field by name.
    subscript(name: String) -> Value? { fields.first { $0.name == name }?.value }

    static func dayFormat(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash))
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}

/// The shape in which records are printed.
enum RecordFormat {
    /// A table sanitized like the console's.
    case table
    /// One JSON document.
    case json
    /// One JSON object a line.
    case jsonLines
}
