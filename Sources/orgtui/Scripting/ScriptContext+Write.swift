import APICore
import ConsoleModel
import Foundation

extension ScriptContext {
    /// How a write is confirmed on a terminal: y/n, or by typing the target's name (deletes and removals).
    enum Confirmation {
        case yesNo(String)
        case typed(question: String, name: String)
    }

    /// Runs one write through the session's write runner, the console's one write path (read-only refusal, the
    /// request sent once, the outcome, the re-read, the journal line), after asking unless `--yes`; its message goes
    /// to stderr. Throws the documented exit code of every outcome but done.
    @discardableResult
    func write<Value>(_ spec: WriteSpec<Value>?, confirm: Confirmation, yes: Bool) async throws -> Value? {
        guard var spec else {
            throw ScriptFailure.usage("\(directory.provider.displayName) cannot do that here")
        }
        // Read-only refuses before anything is asked: the runner says so, records it, and sends nothing.
        if !session.readOnly && !yes { try ask(confirm) }
        // The server's answer, for commands that print what they made.
        var answer: Value?
        let apply = spec.apply
        spec.apply = { value in
            answer = value
            await apply(value)
        }
        let events = session.subscribe()
        let result = await session.writes.run(spec)
        session.endEvents()
        for await event in events {
            if case .notice(let notice) = event { StandardError.write(notice.text) }
        }
        switch result.outcome {
        case .done: return answer
        case .refused: throw ScriptFailure(code: 1, message: "")
        case .notSent: throw ScriptFailure(code: 1, message: "")
        case .unknown: throw ScriptFailure(code: 3, message: "")
        case .readOnly: throw ScriptFailure(code: 4, message: "")
        }
    }

    /// Asks on the terminal; without one, a write needs `--yes` (nothing is sent).
    func ask(_ confirmation: Confirmation) throws {
        guard isatty(STDIN_FILENO) == 1 else {
            throw ScriptFailure.usage("stdin is not a terminal: add --yes to confirm the write (nothing was sent)")
        }
        switch confirmation {
        case .yesNo(let question):
            FileHandle.standardError.write(Data("\(question) [y/N] ".utf8))
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            guard answer == "y" || answer == "yes" else { throw ScriptFailure.failed("cancelled: nothing was sent") }
        case .typed(let question, let name):
            FileHandle.standardError.write(Data("\(question)\nType \(name) to confirm: ".utf8))
            guard readLine()?.trimmingCharacters(in: .whitespaces) == name else {
                throw ScriptFailure.failed("the name did not match: nothing was sent")
            }
        }
    }

    /// Writes a secret to stdout alone (one line, nothing else on stdout), then wipes the copy.
    func printSecret(_ secret: Secret?) {
        guard let secret, let value = secret.reveal() else { return }
        StandardOutput.write(value + "\n")
        secret.wipe()
    }
}
