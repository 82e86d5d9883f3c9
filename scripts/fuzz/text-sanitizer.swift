// libFuzzer target: the text sanitizer, with the property PRODUCT.md asks of it: no control, ESC, bidi control or
// unpaired surrogate reaches a cell, and every cell's width is the one the C library's `wcwidth` gives. Built by
// `scripts/fuzz.sh`.
import Glibc
import TUIKit

/// glibc's `wcwidth` (not imported by the Glibc module: it sits behind `_XOPEN_SOURCE`).
@_silgen_name("wcwidth") func wcwidth(_ character: Int32) -> Int32

/// The C library measures characters in the locale's encoding: UTF-8, as the console runs.
let localeIsUTF8: Bool = setlocale(LC_ALL, "C.UTF-8") != nil

/// Code points that must never reach a cell: C0 and C1 controls (ESC among them), DEL, bidi embeddings, overrides
/// and isolates, zero-width characters.
func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
    if (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) { return true }
    if [0x200B, 0x200E, 0x200F, 0x061C, 0xFEFF].contains(value) { return true }
    return false
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let limit = bytes.first.map { Int($0) % 64 + 1 } ?? 512
    let sanitized = TextSanitizer.sanitize(bytes: bytes, maxLength: limit)
    for scalar in sanitized.text.unicodeScalars where isForbidden(scalar) {
        fatalError("U+\(String(scalar.value, radix: 16)) reached the output of \(bytes)")
    }
    guard localeIsUTF8 else { fatalError("no C.UTF-8 locale: wcwidth cannot be compared") }
    for scalar in sanitized.text.unicodeScalars {
        // -1: glibc has no width for the code point (unassigned in its tables); terminals print those one column
        // wide, as the console counts them.
        let theirs = Int(wcwidth(Int32(bitPattern: scalar.value)))
        if theirs >= 0, theirs != DisplayWidth.of(scalar) {
            fatalError("U+\(String(scalar.value, radix: 16)): \(DisplayWidth.of(scalar)) columns, wcwidth \(theirs)")
        }
    }
    let plain = bytes.allSatisfy { (0x20..<0x7F).contains($0) }
    if plain, bytes.count <= limit, sanitized.hasHazards { fatalError("plain ASCII flagged: \(bytes)") }
    return 0
}
