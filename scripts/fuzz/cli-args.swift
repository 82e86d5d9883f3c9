// libFuzzer target: the command line. The input is split at NUL bytes into arguments, reordered as `main` does
// (root options before a command) and parsed and validated as `orgtui` would, without running anything; the check
// that refuses a secret on the command line runs first, as in `main`. A bad command line is a usage message, never
// a trap. Built by `scripts/fuzz.sh`.
import ArgumentParser

@testable import orgtui

let subcommands = Set(OrgtuiCommand.configuration.subcommands.compactMap { $0.configuration.commandName })

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let arguments = text.split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
    if let refusal = SecretArguments.refusal(arguments), !refusal.hasSuffix("Nothing was sent.") {
        fatalError("a refusal that does not say nothing was sent: \(refusal)")
    }
    let normalized = ArgumentOrder.normalized(arguments, subcommands: subcommands)
    if normalized.count != arguments.count || normalized.sorted() != arguments.sorted() {
        fatalError("reordering lost or invented an argument: \(arguments) → \(normalized)")
    }
    do {
        _ = try OrgtuiCommand.parseAsRoot(normalized)
    } catch {
        if OrgtuiCommand.fullMessage(for: error).isEmpty, OrgtuiCommand.exitCode(for: error) != .success {
            fatalError("a failed parse without a message: \(arguments)")
        }
    }
    return 0
}
