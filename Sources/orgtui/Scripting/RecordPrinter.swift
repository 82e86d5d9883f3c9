import Foundation
import TUIKit

/// Prints records as a sanitized table, one JSON document, or JSON lines streamed as they come.
///
/// Records are API text: a table goes through the console's one sanitizer, JSON escapes every control character.
final class RecordPrinter {
    private let format: RecordFormat
    private let provider: String
    private let columns: [String]
    private var held: [ScriptRecord] = []

    /// A printer of records whose table shows `columns` (field names).
    init(format: RecordFormat, provider: String, columns: [String]) {
        self.format = format
        self.provider = provider
        self.columns = columns
    }

    /// Adds records: JSON lines are written at once, the rest once `finish` knows them all.
    func add(_ records: [ScriptRecord]) {
        guard format == .jsonLines else { return held.append(contentsOf: records) }
        let text = records.map { ScriptJSON.record($0, provider: provider) + "\n" }.joined()
        StandardOutput.write(text)
    }

    /// Writes what is held.
    func finish() {
        switch format {
        case .jsonLines: return
        case .json:
            let items = held.map { ScriptJSON.record($0, provider: provider) }
            Self.out(items.isEmpty ? "[]" : "[\n  " + items.joined(separator: ",\n  ") + "\n]")
        case .table:
            Self.out(Self.table(held, columns: columns))
        }
    }

    /// Writes one record as one JSON object (`--json` of a single-item command).
    static func single(_ record: ScriptRecord, format: RecordFormat, provider: String) {
        switch format {
        case .json, .jsonLines: out(ScriptJSON.record(record, provider: provider))
        case .table:
            let labels = record.fields.map { $0.name }
            let width = labels.map(DisplayWidth.of).max() ?? 0
            let lines = record.fields.map { field in
                DisplayWidth.pad(field.name, toWidth: width) + "  "
                    + TextSanitizer.sanitize(field.value.cell, maxLength: 200).text
            }
            out(lines.joined(separator: "\n"))
        }
    }

    /// A table: upper-cased headings, cells sanitized and cut to 60 columns, two spaces between columns.
    static func table(_ records: [ScriptRecord], columns: [String]) -> String {
        let header = columns.map { $0.uppercased() }
        let rows = records.map { record in
            columns.map { TextSanitizer.sanitize(record[$0]?.cell ?? "", maxLength: 60).text }
        }
        let widths = columns.indices.map { column in
            ([header[column]] + rows.map { $0[column] }).map(DisplayWidth.of).max() ?? 0
        }
        return ([header] + rows).map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : DisplayWidth.pad(cell, toWidth: widths[index])
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    static func out(_ text: String) {
        StandardOutput.write(text + "\n")
    }
}
