import APICore
import Providers

/// `command --name value --flag …`, read by name.
struct Arguments {
    let command: String?
    private var values: [String: String] = [:]
    private var flags: Set<String> = []

    init(_ words: [String]) {
        var words = words[...]
        command = words.first.flatMap { $0.hasPrefix("--") ? nil : $0 }
        if command != nil { words = words.dropFirst() }
        while let word = words.popFirst() {
            guard word.hasPrefix("--") else { continue }
            let name = String(word.dropFirst(2))
            if let next = words.first, !next.hasPrefix("--") {
                values[name] = next
                words = words.dropFirst()
            } else {
                flags.insert(name)
            }
        }
    }

    func flag(_ name: String) -> Bool { flags.contains(name) }
    func string(_ name: String) -> String? { values[name] }
    func int(_ name: String) -> Int? { values[name].flatMap { Int($0) } }

    func required(_ name: String) throws -> String {
        guard let value = values[name] else { throw BenchError.usage("--\(name) is required") }
        return value
    }

    func provider() throws -> Provider {
        let name = try required("provider")
        guard let provider = ProviderRegistry.standard.provider(named: name) else {
            throw BenchError.usage("unknown provider \(name)")
        }
        return provider
    }
}
