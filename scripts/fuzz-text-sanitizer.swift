// libFuzzer target: the text sanitizer, with the property PRODUCT.md asks of it. Built by `scripts/fuzz.sh`, with
// TUIKit's sources compiled into the same module (a fuzzer build cannot link the package's debug objects).

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
    let width = DisplayWidth.of(sanitized.text)
    if width < 0 { fatalError("negative width \(width)") }
    let plain = bytes.allSatisfy { (0x20..<0x7F).contains($0) }
    if plain, bytes.count <= limit, sanitized.hasHazards { fatalError("plain ASCII flagged: \(bytes)") }
    return 0
}
