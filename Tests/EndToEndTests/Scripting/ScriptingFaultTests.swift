import DemoServer
import Foundation
import Testing

/// The CLI's row of the fault matrix: each provider's list of accounts under each fault, once, through the built
/// binary. A read a retry can save prints its records (exit 0); any other fault exits 1 with one line in plain words.
@Suite("Scripting: every fault of the matrix on each provider's list", .serialized)
struct ScriptingFaultTests {
    /// Each fault: how the server misbehaves once, and whether a retried read gets through.
    static let faults: [(name: String, kind: FaultKind, recovers: Bool)] = [
        ("429", .status(429, retryAfter: 1), true), ("500", .status(500), true), ("502", .status(502), true),
        ("503", .status(503), true), ("timeout", .latency(.seconds(12)), true),
        ("reset", .reset(afterHandling: false), true),
        ("malformed", .malformedJSON, false), ("truncated", .truncatedJSON, false), ("html", .htmlPage(403), false),
        ("401", .status(401), false), ("403", .status(403), false), ("404", .status(404), false),
    ]

    static let lists = [
        (profile: "cf", route: "/accounts"), (profile: "oa", route: "/v1/organization/projects"),
        (profile: "kc", route: "/organizations"),
    ]

    @Test func eachFaultEndsWithItsDocumentedExitCode() async throws {
        try await withCLIWorld(members: 60) { world in
            var survived = 0
            var failures: [String] = []
            for list in Self.lists {
                for fault in Self.faults {
                    // A short timeout only where the answer is slow: a loaded machine must not time out the rest.
                    try ScriptingPeopleTests().configure(world, requestTimeout: fault.name == "timeout" ? 4 : nil)
                    world.server.faults.clear()
                    world.server.faults.inject(fault.kind, method: "GET", path: list.route, times: 1)
                    let run = try await world.run(["accounts", "list", "--json", "--profile", list.profile])
                    let line = run.stderr.split(separator: "\n").last.map(String.init) ?? ""
                    let ok =
                        fault.recovers
                        ? run.status == 0 && ((try? run.json()) as? [Any])?.isEmpty == false
                        : run.status == 1 && run.stdout.isEmpty && line.hasPrefix("orgtui: ") && !line.contains("<")
                            && !line.contains("{")
                    if ok {
                        survived += 1
                    } else {
                        failures.append("\(list.profile) × \(fault.name): \(run.status) \(line)")
                    }
                }
            }
            let total = Self.lists.count * Self.faults.count
            print("CLI fault matrix: survived \(survived) / \(total)")
            #expect(survived == total, "\(failures.joined(separator: "\n"))")
        }
    }
}
