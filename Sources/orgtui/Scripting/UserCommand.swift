import APICore
import ArgumentParser

/// `orgtui user`: the signed-in identity.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "The signed-in user.", subcommands: [Get.self, Edit.self])

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the signed-in user with every field.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await ScriptContext.run(connection, output: output) { context in
                if let editing = context.directory.userProfileEditing {
                    let details = try await editing.userDetails()
                    context.printSingle(
                        ScriptRecord(
                            details.profile, fields: details.fields,
                            raw: context.rawObject(id: details.profile.id)))
                } else {
                    let profile = try await context.directory.currentUser()
                    context.printSingle(ScriptRecord(profile, fields: [], raw: context.rawObject(id: profile.id)))
                }
            }
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Edit your profile (user.edit).",
            discussion: "Field ids are those `user get` lists as editable (first_name, telephone, country, …).")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var confirm: ConfirmOptions
        @Option(name: .customLong("set"), help: ArgumentHelp("Set a field.", valueName: "field=value"))
        var sets: [String] = []
        @Option(name: .customLong("clear"), help: ArgumentHelp("Empty a field.", valueName: "field"))
        var clears: [String] = []

        func run() async throws {
            try await ScriptContext.run(connection) { context in
                guard let editing = context.directory.userProfileEditing else {
                    throw ScriptFailure.usage("\(context.directory.provider.displayName) has no profile to edit")
                }
                var changes: [String: FieldChange] = [:]
                for item in sets {
                    guard let equals = item.firstIndex(of: "=") else {
                        throw ScriptFailure.usage("--set \(item): write it as field=value")
                    }
                    changes[String(item[..<equals])] = .set(String(item[item.index(after: equals)...]))
                }
                for field in clears { changes[field] = .clear }
                guard !changes.isEmpty else { throw ScriptFailure.usage("nothing to change: give --set or --clear") }
                let editable = Set(try await editing.userDetails().editable.map(\.id))
                if let unknown = changes.keys.sorted().first(where: { !editable.contains($0) }) {
                    throw ScriptFailure.usage(
                        "'\(unknown)' is not an editable field; these are: \(editable.sorted().joined(separator: ", "))"
                    )
                }
                try await context.write(
                    context.session.records.editUserWrite(changes),
                    confirm: .yesNo("Save \(changes.keys.sorted().joined(separator: ", ")) to your profile?"),
                    yes: confirm.yes)
            }
        }
    }
}
