import Foundation

/// `ThemeEmbedder OUTPUT THEME.toml…`: writes one Swift file holding each theme file's text as a string literal,
/// keyed by its name (the file name without `.toml`). Run by `EmbedThemesPlugin` at build time.
@main
enum ThemeEmbedder {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let output = arguments.first else {
            FileHandle.standardError.write(Data("usage: ThemeEmbedder OUTPUT.swift THEME.toml...\n".utf8))
            exit(2)
        }
        var entries: [String] = []
        for path in arguments.dropFirst().sorted() {
            let url = URL(fileURLWithPath: path)
            guard let data = FileManager.default.contents(atPath: path),
                let text = String(data: data, encoding: .utf8)
            else {
                FileHandle.standardError.write(Data("ThemeEmbedder: cannot read \(path) as UTF-8 text\n".utf8))
                exit(1)
            }
            let name = url.deletingPathExtension().lastPathComponent
            entries.append("        \(literal(name)): \(literal(text)),")
        }
        let source = """
            // Generated at build time by ThemeEmbedder (EmbedThemesPlugin) from themes/*.toml: edit those files.

            extension EmbeddedThemes {
                /// Each `themes/NAME.toml`, verbatim, by NAME.
                static let generatedFiles: [String: String] = [
            \(entries.isEmpty ? "        :" : entries.joined(separator: "\n"))
                ]
            }

            """
        do {
            // Unchanged output is not rewritten, so the target is not recompiled for nothing.
            if FileManager.default.contents(atPath: output) == Data(source.utf8) { return }
            try source.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            FileHandle.standardError.write(Data("ThemeEmbedder: cannot write \(output): \(error)\n".utf8))
            exit(1)
        }
    }

    /// `text` as a Swift string literal: quotes, backslashes and control characters escaped, so any file survives.
    static func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
