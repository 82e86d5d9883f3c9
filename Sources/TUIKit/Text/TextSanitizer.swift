/// The one gate between untrusted API text and the screen: every hazard becomes a visible marker.
///
/// Nothing is dropped silently. Each code point is judged on its own, so an escape sequence shows every one of its
/// characters ("␛[2J", "␛]52;c;…␇"):
/// - C0 controls become Control Pictures (ESC "␛", BEL "␇", LF "␊", …), DEL "␡", C1 controls "⟨U+009B⟩";
/// - bidi overrides, isolates and marks, zero-width characters, line/paragraph separators, other format
///   characters, private-use, unassigned and other default-ignorable code points become "⟨U+XXXX⟩" — including a
///   ZWJ inside an emoji sequence: the family emoji falls apart into its members, which is safe and honest;
/// - U+FFFD (what invalid UTF-8 decodes to) stays "�" but counts as a hazard;
/// - combining marks are kept, but more than `maxCombiningMarks` on one base are cut and counted ("⟨+12 marks⟩").
/// Output longer than `maxLength` code points is cut and ends with "…" (a marker is never split). Sanitizing
/// sanitized text changes nothing.
public enum TextSanitizer {
    /// Combining marks kept on one base character; the rest of the run is replaced by a count.
    public static let maxCombiningMarks = 4

    /// `raw` made safe to draw, at most `maxLength` code points long (at least 1).
    public static func sanitize(_ raw: String, maxLength: Int = 512) -> SanitizedText {
        // Most API text is printable ASCII: nothing to judge, nothing to cut (one code point per byte).
        if raw.utf8.count <= max(1, maxLength), raw.utf8.allSatisfy({ (0x20..<0x7F).contains($0) }) {
            return SanitizedText(text: raw, hasHazards: false)
        }
        var output = Output(limit: max(1, maxLength))
        var marks = 0
        var droppedMarks = 0
        for scalar in raw.unicodeScalars {
            let verdict = judge(scalar)
            if case .combining = verdict {
                marks += 1
                if marks > maxCombiningMarks {
                    droppedMarks += 1
                    continue
                }
            } else {
                if droppedMarks > 0 { output.append(marker(droppedMarks: droppedMarks), hazard: true) }
                marks = 0
                droppedMarks = 0
            }
            if output.isFull { break }
            switch verdict {
            case .keep, .combining: output.append(scalar)
            case .hazard: output.append(scalar, hazard: true)
            case .replace(let marker): output.append(marker, hazard: true)
            }
            if output.isFull { break }
        }
        if droppedMarks > 0, !output.isFull { output.append(marker(droppedMarks: droppedMarks), hazard: true) }
        return output.result()
    }

    /// `bytes` decoded as UTF-8 (invalid sequences become "�") and sanitized.
    public static func sanitize(bytes: [UInt8], maxLength: Int = 512) -> SanitizedText {
        sanitize(String(decoding: bytes, as: UTF8.self), maxLength: maxLength)
    }

    /// The visible form of a hazardous code point, or nil when it is drawn as itself.
    public static func marker(for scalar: Unicode.Scalar) -> String? {
        if case .replace(let marker) = judge(scalar) { return marker }
        return nil
    }

    /// "⟨U+202E⟩": the code point written out, at least four hex digits.
    public static func codePointMarker(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "⟨U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "⟩"
    }

    // MARK: - Judging one code point

    private enum Verdict {
        case keep
        case combining
        /// Drawn as itself, but flags the text (U+FFFD).
        case hazard
        case replace(String)
    }

    private static func judge(_ scalar: Unicode.Scalar) -> Verdict {
        let value = scalar.value
        switch value {
        case 0x20...0x7E:
            return .keep
        case 0x00...0x1F:
            // Control Pictures: U+2400 + code (ESC → ␛, BEL → ␇, LF → ␊, …).
            return .replace(Unicode.Scalar(0x2400 + value).map { String(Character($0)) } ?? codePointMarker(scalar))
        case 0x7F:
            return .replace("␡")
        case 0x80...0x9F:
            return .replace(codePointMarker(scalar))
        case 0xFFFD:
            return .hazard
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            // Bidi marks, embeddings, overrides and isolates.
            return .replace(codePointMarker(scalar))
        case 0x200B...0x200D, 0x2060, 0xFEFF:
            // Zero-width space, non-joiner, joiner, word joiner, BOM.
            return .replace(codePointMarker(scalar))
        default:
            break
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
            return .replace(codePointMarker(scalar))
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return .combining
        default:
            // Invisible letters such as the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0).
            return properties.isDefaultIgnorableCodePoint ? .replace(codePointMarker(scalar)) : .keep
        }
    }

    private static func marker(droppedMarks: Int) -> String {
        "⟨+\(droppedMarks) marks⟩"
    }

    // MARK: - Output with a length limit

    /// Collects output pieces; once more than `limit` code points arrive, it cuts back and ends with "…".
    private struct Output {
        let limit: Int
        private var pieces: [(text: String, count: Int)] = []
        private var count = 0
        private var hazards = false
        private(set) var isFull = false

        init(limit: Int) {
            self.limit = limit
        }

        /// Adds one piece; past the limit `isFull` turns true and reading should stop.
        mutating func append(_ text: String, hazard: Bool = false) {
            let pieceCount = text.unicodeScalars.count
            pieces.append((text, pieceCount))
            count += pieceCount
            if hazard { hazards = true }
            if count > limit { isFull = true }
        }

        /// Adds one code point.
        mutating func append(_ scalar: Unicode.Scalar, hazard: Bool = false) {
            append(String(Character(scalar)), hazard: hazard)
        }

        func result() -> SanitizedText {
            guard isFull else { return SanitizedText(text: pieces.map(\.text).joined(), hasHazards: hazards) }
            var kept = pieces
            var keptCount = count
            while keptCount > limit - 1, let last = kept.popLast() { keptCount -= last.count }
            return SanitizedText(text: kept.map(\.text).joined() + "…", hasHazards: hazards)
        }
    }
}
