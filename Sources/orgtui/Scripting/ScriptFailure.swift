import APICore
import ArgumentParser
import ConsoleModel
import Foundation

/// Why a scripting command stopped, with its documented exit code.
struct ScriptFailure: Error {
    /// 0 done, 1 the API refused or failed, 2 usage or configuration, 3 outcome unknown, 4 refused by read-only.
    var code: Int32
    var message: String

    static func usage(_ message: String) -> ScriptFailure { ScriptFailure(code: 2, message: message) }
    static func failed(_ message: String) -> ScriptFailure { ScriptFailure(code: 1, message: message) }

    /// The failure of an error a read or a lookup threw.
    static func of(_ error: any Error) -> ScriptFailure {
        if let failure = error as? ScriptFailure { return failure }
        if let exit = error as? ExitCode { return ScriptFailure(code: exit.rawValue, message: "") }
        if let api = error as? APIError { return failed(api.userMessage) }
        return failed("Unexpected error: \(error)")
    }
}

/// Prints to standard error, where every message of a scripting command goes (stdout is for records and secrets).
enum StandardError {
    static func write(_ line: String) {
        FileHandle.standardError.write(Data("\(line)\n".utf8))
    }
}

/// Writes records and secrets to standard output; when the reader went away (`| head`), stops quietly with 141, the
/// status of a process ended by SIGPIPE, as other command-line tools do.
enum StandardOutput {
    static func write(_ text: String) {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
        } catch {
            exit(141)
        }
    }
}
