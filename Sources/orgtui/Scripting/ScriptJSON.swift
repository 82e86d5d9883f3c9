import APICore
import Foundation

/// Writes JSON text with every control, format and bidi character escaped, so API text printed as JSON can never
/// drive a terminal that shows it (`jq` reads the escapes back to the same string).
enum ScriptJSON {
    static func record(_ record: ScriptRecord, provider: String) -> String {
        var members = record.fields.map { (key: $0.name, text: value($0.value)) }
        // A record that spans providers (a person, a finding) names its own, or none.
        if !provider.isEmpty, !record.fields.contains(where: { $0.name == "provider" }) {
            members.append((key: "provider", text: string(provider)))
        }
        members.append((key: "raw", text: record.raw.map(json) ?? "null"))
        return object(members)
    }

    static func object(_ members: [(key: String, text: String)]) -> String {
        "{" + members.map { "\(string($0.key)):\($0.text)" }.joined(separator: ",") + "}"
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

    static func value(_ value: ScriptRecord.Value) -> String {
        switch value {
        case .text(let text): text.map(string) ?? "null"
        case .flag(let flag): flag.map { $0 ? "true" : "false" } ?? "null"
        case .number(let number): number.map(String.init) ?? "null"
        case .list(let items): array(items.map(string))
        case .date(let date): date.map { string(ScriptRecord.timestamp($0)) } ?? "null"
        }
    }

    static func json(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number):
            number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .string(let text): string(text)
        case .array(let items): array(items.map(json))
        case .object(let members): object(members.keys.sorted().map { (key: $0, text: json(members[$0] ?? .null)) })
        }
    }

    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if needsEscape(scalar) {
                    out += unicodeEscape(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned, .surrogate: true
        default: false
        }
    }

    private static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        // Outside the BMP a \u escape is a surrogate pair.
        String(scalar).utf16.map {
            "\\u" + String(repeating: "0", count: 4 - String($0, radix: 16).count) + String($0, radix: 16)
        }
        .joined()
    }
}
