import Foundation
import Hummingbird

/// `/__demo/faults` and `/__demo/requests`: fault rules and the request log for other processes.
///
/// They need the same credentials as the API (a user token or the global key); they are not logged and
/// never faulted.
struct ControlRoutes {
    let log: DemoRequestLog
    let faults: FaultInjector

    /// One request log entry as JSON.
    struct RequestDescription: Codable, Sendable {
        var method: String
        var path: String
        var query: String?
        var status: Int
        var fault: String?
        var date: String
    }

    func register(on control: RouterGroup<DemoRequestContext>) {
        control.get("faults") { _, _ in
            try Reply.ok(faults.rules.map(FaultRuleBody.Description.init))
        }
        control.post("faults") { request, _ in
            var request = request
            let body = try await RequestBodyDecoder.decode(FaultRuleBody.self, from: &request)
            return try Reply.ok(FaultRuleBody.Description(faults.add(try body.rule())))
        }
        control.delete("faults") { _, _ in
            faults.clear()
            return try Reply.ok([FaultRuleBody.Description]())
        }
        control.delete("faults/:ruleID") { _, context in
            guard let id = context.parameters.get("ruleID").flatMap(Int.init) else { throw DemoAPIError.notFound }
            faults.remove(id: id)
            return try Reply.ok(faults.rules.map(FaultRuleBody.Description.init))
        }
        control.get("requests") { _, _ in
            let entries = await log.entries().map { entry in
                RequestDescription(
                    method: entry.method, path: entry.path, query: entry.query, status: entry.status,
                    fault: entry.fault, date: entry.date.formatted(.iso8601))
            }
            return try Reply.ok(entries)
        }
        control.delete("requests") { _, _ in
            await log.clear()
            return try Reply.ok([RequestDescription]())
        }
    }
}
