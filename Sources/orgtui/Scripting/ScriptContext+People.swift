import APICore
import ConsoleModel
import Foundation

extension ScriptContext {
    /// Every profile's session: this one first, then each other profile opened as `:profile` opens it (the demo's
    /// other providers, the config's other profiles). A profile that cannot be opened is said on stderr and skipped.
    func everySession() async -> [ConsoleSession] {
        var sessions = [session]
        guard let others = otherProfiles else { return sessions }
        for name in others.names where name != profileName {
            do {
                sessions.append(try await others.open(name).0)
            } catch {
                StandardError.write(
                    "orgtui: profile \(name) skipped: \((error as? APIError)?.userMessage ?? "\(error)")")
            }
        }
        return sessions
    }

    /// Sweeps `sessions` at once (each within its own rate-limit budget); what could not be read is said on stderr.
    func sweep(_ sessions: [ConsoleSession]) async -> [ProfileInventory] {
        let sweeps = sessions.map {
            InventorySweep(profile: $0.profile, directory: $0.directory, budget: $0.rateBudget)
        }
        let inventories = await withTaskGroup(of: (Int, ProfileInventory).self) { group in
            for (index, sweep) in sweeps.enumerated() { group.addTask { (index, await sweep.run()) } }
            var done: [(Int, ProfileInventory)] = []
            for await result in group { done.append(result) }
            return done.sorted { $0.0 < $1.0 }.map(\.1)
        }
        for inventory in inventories {
            for problem in inventory.problems {
                StandardError.write("orgtui: \(inventory.profile): could not read \(problem)")
            }
        }
        return inventories
    }

    /// A printer of records that span providers (each names its own).
    func crossProviderPrinter(columns: [String]) -> RecordPrinter {
        RecordPrinter(format: format, provider: "", columns: columns)
    }
}
