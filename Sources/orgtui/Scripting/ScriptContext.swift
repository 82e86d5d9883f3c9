import APICore
import ArgumentParser
import ConsoleModel
import ConsoleUI
import DemoServer
import Foundation
import OrgtuiConfig
import Providers

/// One scripting command's connection: the profile it chose, a session over it (the console's view-models and write
/// runner, without a screen), and the provider's own objects for `raw`.
@MainActor
final class ScriptContext {
    let session: ConsoleSession
    let profileName: String
    /// How records are printed (`--json`, `--jsonl`, else a table).
    let format: RecordFormat
    /// The provider's objects, kept only when JSON is printed (a table never shows `raw`).
    private let raw: RawObjectTap?
    private let server: DemoServer?
    private let transports: NetworkTransports
    /// Opens the other profiles (the demo's other providers, the config's other profiles) as `:profile` does.
    let otherProfiles: ProfileSwitcher?
    /// The risk lens's thresholds (`[risks]` in the config).
    let riskThresholds: RiskThresholds

    private init(
        session: ConsoleSession, profileName: String, format: RecordFormat, raw: RawObjectTap?, server: DemoServer?,
        transports: NetworkTransports, otherProfiles: ProfileSwitcher?, riskThresholds: RiskThresholds
    ) {
        self.otherProfiles = otherProfiles
        self.riskThresholds = riskThresholds
        self.session = session
        self.profileName = profileName
        self.format = format
        self.raw = raw
        self.server = server
        self.transports = transports
    }

    var directory: any IdentityDirectory { session.directory }
    var providerName: String { directory.provider.rawValue }

    /// Connects as the console would (`--demo`, `--profile`, `--provider`, the environment), runs `body`, prints a
    /// failure on stderr and exits with its code.
    static func run(
        _ connection: ConnectionOptions, output: OutputOptions? = nil,
        _ body: @MainActor (ScriptContext) async throws -> Void
    ) async throws {
        // An OptionGroup that was not parsed (a command without output flags) must not be read: tables then.
        let context = try await open(connection, format: output?.format ?? .table)
        var failure: ScriptFailure?
        do {
            try await body(context)
        } catch {
            failure = ScriptFailure.of(error)
        }
        await context.close()
        guard let failure else { return }
        if !failure.message.isEmpty { StandardError.write("orgtui: \(failure.message)") }
        throw ExitCode(failure.code)
    }

    private static func open(_ connection: ConnectionOptions, format: RecordFormat) async throws -> ScriptContext {
        let environment = ProcessInfo.processInfo.environment
        FileLogHandler.bootstrap(level: FileLogHandler.level(option: connection.logLevel, environment: environment))
        let config: ConfigFile
        do {
            config = try ConfigFile.load(from: ConfigDirectory(environment: environment))
        } catch {
            StandardError.write("orgtui: \(error.message)")
            throw ExitCode(2)
        }
        let selection = try await ProfileSelection.select(
            demo: connection.demo, provider: connection.provider, members: 2_500, profile: connection.profile,
            baseURL: connection.baseURL, config: config, environment: environment)
        let transports = NetworkTransports(environment: environment)
        let budget = RateBudget(
            default: ProviderRegistry.standard.descriptor(for: selection.configuration.provider)?.defaultRateLimit)
        let transport: any Transport
        do {
            transport = try transports.transport(
                for: selection.network, profileName: selection.profileName, budget: budget)
        } catch {
            StandardError.write("orgtui: \(error.userMessage)")
            await selection.server?.stop()
            throw ExitCode(2)
        }
        let tap = format == .table ? nil : RawObjectTap(transport)
        let session = ConsoleSession(
            profile: selection.profileName,
            directory: selection.configuration.makeDirectory(transport: tap ?? transport),
            readOnly: connection.readOnly || config.readOnly || selection.readOnly,
            journal: JournalFile(path: JournalFile.path(environment: environment)), budget: budget)
        return ScriptContext(
            session: session, profileName: selection.profileName, format: format, raw: tap, server: selection.server,
            transports: transports,
            otherProfiles: ProfileSwitching.switcher(
                selection: selection, config: config, environment: environment, transports: transports,
                readOnly: connection.readOnly || config.readOnly),
            riskThresholds: config.risks)
    }

    private func close() async {
        await transports.shutdown()
        await server?.stop()
    }

    /// The provider's object with `id`, as the API last sent it.
    func rawObject(id: String) -> JSONValue? { raw?.object(id: id) }

    /// A printer for records of this provider, in the chosen format.
    func printer(columns: [String]) -> RecordPrinter {
        RecordPrinter(format: format, provider: providerName, columns: columns)
    }

    /// Prints one record in the chosen format.
    func printSingle(_ record: ScriptRecord) {
        RecordPrinter.single(record, format: format, provider: providerName)
    }

    /// Prints every page of `listing` as it arrives (`--jsonl` streams); `all: false` stops after the first page.
    @discardableResult
    func print<Item: Sendable>(
        _ listing: Listing<Item>, columns: [String], all: Bool = true, record: (Item, JSONValue?) -> ScriptRecord,
        id: (Item) -> String
    ) async throws -> Int {
        guard let list = listing.pagedList else {
            if case .needsScope(let reason) = listing { throw ScriptFailure.usage(Self.scopeHint(reason)) }
            throw ScriptFailure.usage("nothing to list here")
        }
        let printer = printer(columns: columns)
        var count = 0
        for try await page in list.pages {
            printer.add(page.items.map { record($0, rawObject(id: id($0))) })
            count += page.items.count
            if !all {
                if page.next != nil { StandardError.write("orgtui: the first \(count) shown; --all lists every page") }
                break
            }
        }
        printer.finish()
        return count
    }

    /// Every item of `listing` (for a lookup by id).
    func all<Item: Sendable>(_ listing: Listing<Item>) async throws -> [Item] {
        guard let list = listing.pagedList else {
            if case .needsScope(let reason) = listing { throw ScriptFailure.usage(Self.scopeHint(reason)) }
            return []
        }
        return try await list.fetchAll()
    }

    /// "Select an organization (1, then Enter) …" said the way a script gives a scope.
    static func scopeHint(_ reason: String) -> String {
        "\(reason.components(separatedBy: " (").first ?? reason): give it with --account ID"
    }
}
