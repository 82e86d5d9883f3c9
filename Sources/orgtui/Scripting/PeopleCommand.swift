import APICore
import ArgumentParser
import ConsoleModel
import ConsoleUI

/// `orgtui people`: every person across every profile (matched by email, any case), one person's memberships, and
/// offboarding them everywhere.
struct PeopleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "Every person across every profile (the demo: all three providers), matched by email.",
        subcommands: [List.self, Show.self, Offboard.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every person with their counts.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await ScriptContext.run(connection, output: output) { context in
                let people = PeopleIndex.people(from: await context.sweep(await context.everySession()))
                let printer = context.crossProviderPrinter(columns: ScriptRecord.personColumns)
                printer.add(people.map(ScriptRecord.init(person:)))
                printer.finish()
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One person's memberships, open invitations and keys, in every profile.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Their email (any case).") var email: String

        func run() async throws {
            try await ScriptContext.run(connection, output: output) { context in
                let person = try await PeopleCommand.person(email, context: context).person
                let printer = context.crossProviderPrinter(columns: ScriptRecord.personLineColumns)
                printer.add(LensRows.lines(of: person).map(ScriptRecord.init(personLine:)))
                printer.finish()
            }
        }
    }

    /// The person with `email` after a sweep of every profile, and the sessions swept.
    @MainActor
    static func person(_ email: String, context: ScriptContext) async throws -> (
        person: Person, sessions: [ConsoleSession]
    ) {
        let sessions = await context.everySession()
        let people = PeopleIndex.people(from: await context.sweep(sessions))
        guard let person = people.first(where: { $0.id == email.lowercased() }) else {
            throw ScriptFailure.failed("nobody with the email \(email) in any profile")
        }
        return (person, sessions)
    }
}
