import APICore
import Foundation

extension AuditEntry {
    /// The entry a Cloudflare user audit log item describes.
    public init(cloudflare log: Cloudflare.AuditLog) {
        var fields: [RecordField] = []
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { fields.append(RecordField(label, value)) }
        }
        add("ID", log.id)
        add("When", log.when)
        add("Actor", log.actor?.email)
        add("Actor type", log.actor?.type)
        add("Actor IP", log.actor?.ip)
        add("Interface", log.interface)
        add("Owner", log.owner?.id)
        add("Resource type", log.resource?.type)
        add("Resource ID", log.resource?.id)
        add("Metadata", log.metadata.map(JSONText.compact))
        self.init(
            id: log.id ?? "", when: Timestamp.parse(log.when), whenText: log.when ?? "",
            actor: log.actor?.email ?? log.actor?.type ?? "", action: log.action?.type ?? "",
            resource: [log.resource?.type, log.resource?.id].compactMap { $0 }.joined(separator: " "),
            succeeded: log.action?.result, oldValue: log.oldValue, newValue: log.newValue, fields: fields)
    }

    /// The entry a Cloudflare account audit log item describes; the request and response bodies stand for the
    /// old and new values.
    public init(cloudflare log: Cloudflare.AccountAuditLog) {
        var fields: [RecordField] = []
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { fields.append(RecordField(label, value)) }
        }
        add("ID", log.id)
        add("When", log.action?.time)
        add("Description", log.action?.description)
        add("Actor", log.actor?.email)
        add("Actor type", log.actor?.type)
        add("Actor context", log.actor?.context)
        add("Actor IP", log.actor?.ipAddress)
        add("Token", [log.actor?.tokenName, log.actor?.tokenID].compactMap { $0 }.joined(separator: " "))
        add("Account", log.account?.name ?? log.account?.id)
        add("Zone", log.zone?.name ?? log.zone?.id)
        add("Product", log.resource?.product)
        add("Resource type", log.resource?.type)
        add("Resource ID", log.resource?.id)
        add("Request", log.raw.map { "\($0.method ?? "") \($0.uri ?? "") → \($0.statusCode.map(String.init) ?? "")" })
        add("Ray ID", log.raw?.cfRayID)
        let succeeded: Bool? =
            switch log.action?.result?.lowercased() {
            case "success": true
            case "failure": false
            default: nil
            }
        self.init(
            id: log.id ?? "", when: Timestamp.parse(log.action?.time), whenText: log.action?.time ?? "",
            actor: log.actor?.email ?? log.actor?.type ?? "", action: log.action?.type ?? "",
            resource: [log.resource?.product, log.resource?.type, log.resource?.id].compactMap { $0 }
                .joined(separator: " "),
            succeeded: succeeded, oldValue: log.resource?.request.map(JSONText.compact),
            newValue: log.resource?.response.map(JSONText.compact), fields: fields)
    }
}

/// Untyped JSON as one line of text, keys sorted.
enum JSONText {
    static func compact(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
