import TOMLKit

/// A TOML document as plain Swift values: the only code that touches TOMLKit.
///
/// TOMLKit's tables are non-`Sendable` wrappers around C++ nodes; converting once keeps the rest of the target
/// in value types and makes every lookup an ordinary dictionary access.
enum TOMLDocument {
    /// A TOML value.
    indirect enum Value: Sendable, Hashable {
        case string(String)
        case integer(Int)
        case float(Double)
        case bool(Bool)
        case table([String: Value])
        case array([Value])
        /// A date, time or date-time, kept as its TOML text.
        case dateTime(String)

        /// The TOML type's name, for messages ("string", "table").
        var typeName: String {
            switch self {
            case .string: "string"
            case .integer: "integer"
            case .float: "floating-point number"
            case .bool: "boolean"
            case .table: "table"
            case .array: "array"
            case .dateTime: "date-time"
            }
        }
    }

    /// Parses `text`; a syntax error carries the line and column it was found at.
    static func parse(_ text: String) throws(TOMLSyntaxError) -> [String: Value] {
        try TOMLPrecheck.check(text)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw TOMLSyntaxError(
                line: error.source.begin.line, column: error.source.begin.column, reason: error.description)
        } catch {
            throw TOMLSyntaxError(line: 0, column: 0, reason: "\(error)")
        }
        return convert(table)
    }

    private static func convert(_ table: TOMLTable) -> [String: Value] {
        var result: [String: Value] = [:]
        for (key, value) in table {
            result[key] = convert(value)
        }
        return result
    }

    private static func convert(_ value: TOMLValueConvertible) -> Value {
        switch value.type {
        case .string: .string(value.string ?? "")
        case .int: .integer(value.int ?? 0)
        case .double: .float(value.double ?? 0)
        case .bool: .bool(value.bool ?? false)
        case .table: .table(value.table.map(convert) ?? [:])
        case .array: .array(value.array.map { $0.map(convert) } ?? [])
        case .date, .time, .dateTime: .dateTime(value.debugDescription)
        }
    }
}

/// A TOML syntax error and where it is.
struct TOMLSyntaxError: Error, Sendable, Hashable {
    /// 1-based line of the error (0 when unknown).
    var line: Int
    /// 1-based column of the error (0 when unknown).
    var column: Int
    /// What the parser expected or found.
    var reason: String

    /// "line 3, column 7: expected …".
    func describe(in origin: String) -> String {
        line > 0 ? "\(origin), line \(line), column \(column): \(reason)" : "\(origin): \(reason)"
    }
}
